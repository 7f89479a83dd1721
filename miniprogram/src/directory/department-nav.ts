import type { Department, DepartmentNode } from '@dayuan/shared';

/** The node with `id` anywhere in the tree. */
export function findDepartment(tree: readonly DepartmentNode[], id: string): DepartmentNode | undefined {
  for (const node of tree) {
    if (node.id === id) return node;
    const found = findDepartment(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The departments from the root down to `id` (inclusive), for a breadcrumb. */
export function departmentTrail(items: readonly Department[], id: string): Department[] {
  const byId = new Map(items.map((d) => [d.id, d]));
  const trail: Department[] = [];
  for (
    let d = byId.get(id);
    d && trail.length <= items.length;
    d = d.parentId ? byId.get(d.parentId) : undefined
  ) {
    trail.unshift(d);
  }
  return trail;
}
