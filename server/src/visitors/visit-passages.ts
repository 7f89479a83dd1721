import { Injectable } from '@nestjs/common';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/client.js';
import { visitorsVisits } from '../platform/db/schema.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { maskName } from './entry-code.js';
import { GateRepository } from './gate.repository.js';
import { VisitsRepository, type VisitRow } from './visits.repository.js';

export type PassageSource = { deviceId: string } | { guardId: string; note: string | null };

export const visitorDisplay = (v: VisitRow) => `${maskName(v.visitorName)}（访客）`;

/**
 * Moves a visitor through a gate: the entry counter and anti-passback flag change only if the pass is
 * still in the state the decision was made on, the passage is logged, and the host hears of the first entry.
 */
@Injectable()
export class VisitPassages {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly gates: GateRepository,
    private readonly notifier: Notifier,
  ) {}

  async apply(
    tx: Tx,
    v: VisitRow,
    passage: { gateId: string; gateName: string; direction: 'in' | 'out'; source: PassageSource },
  ): Promise<{ visit: VisitRow; passageId: number } | undefined> {
    const moved =
      passage.direction === 'in'
        ? await this.visits.transition(
            tx,
            v.id,
            ['approved', 'checked_in'],
            {
              status: 'checked_in',
              inside: true,
              entriesUsed: sql`${visitorsVisits.entriesUsed} + 1`,
              checkedInAt: sql`coalesce(${visitorsVisits.checkedInAt}, now())`,
            },
            and(eq(visitorsVisits.inside, false), lt(visitorsVisits.entriesUsed, visitorsVisits.maxEntries)),
          )
        : await this.visits.transition(
            tx,
            v.id,
            ['checked_in'],
            {
              inside: false,
              status: sql`CASE WHEN ${visitorsVisits.entriesUsed} >= ${visitorsVisits.maxEntries} THEN 'checked_out' ELSE 'checked_in' END`,
              checkedOutAt: sql`now()`,
            },
            eq(visitorsVisits.inside, true),
          );
    if (!moved) return undefined;
    const { source } = passage;
    const passageId = await this.gates.recordPassage(
      {
        gateId: passage.gateId,
        direction: passage.direction,
        decision: 'allow',
        reason: null,
        visitId: v.id,
        display: visitorDisplay(v),
        ...('deviceId' in source
          ? { deviceId: source.deviceId }
          : { guardId: source.guardId, note: source.note }),
      },
      tx,
    );
    if (passage.direction === 'in' && v.entriesUsed === 0) {
      await this.notifier.notify(tx, {
        template: 'visitors.arrived',
        params: { visitId: v.id, visitor: v.visitorName, gate: passage.gateName },
        to: [{ personId: v.hostId }],
        dedupeKey: `visit-arrived:${v.id}`,
      });
    }
    return { visit: moved, passageId };
  }
}
