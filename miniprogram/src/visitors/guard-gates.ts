import { roleLabels, type Me } from '@dayuan/shared';
import type { Passage } from './guard-api';

export interface GuardGate {
  id: string;
  name: string;
}

/**
 * The gates a guard works at, in the order of their grants. There is no gate list endpoint, so names come
 * from what the server already sent, best source first:
 * 1. a passage at the gate today (`gate.id` → `gate.name`, exact);
 * 2. the role label: the server writes one label per grant (`me.roleLabels[i]` describes `me.roles[i]`),
 *    a guard's as `门岗（东门、北门）` with the names in `gateIds` order;
 * 3. `门岗 1`, `门岗 2`… when the label does not split into exactly one name per gate (nothing is guessed).
 */
export function guardGates(
  me: Pick<Me, 'roles' | 'roleLabels'>,
  passages: readonly Pick<Passage, 'gate'>[] = [],
): GuardGate[] {
  const seen = new Map(passages.map((p) => [p.gate.id, p.gate.name]));
  const gates = new Map<string, string>();
  me.roles.forEach((grant, index) => {
    if (grant.role !== 'guard') return;
    const labelled = namesInLabel(me.roleLabels[index], grant.gateIds.length);
    grant.gateIds.forEach((id, i) => {
      if (!gates.has(id)) gates.set(id, seen.get(id) ?? labelled?.[i] ?? `门岗 ${gates.size + 1}`);
    });
  });
  return Array.from(gates, ([id, name]) => ({ id, name }));
}

/** `门岗（东门、北门）` → `['东门', '北门']` when it names exactly `count` gates, else null. */
function namesInLabel(label: string | undefined, count: number): string[] | null {
  const prefix = `${roleLabels.guard}（`;
  if (!label?.startsWith(prefix) || !label.endsWith('）')) return null;
  const names = label.slice(prefix.length, -1).split('、');
  return names.length === count && names.every((name) => name !== '') ? names : null;
}
