import { buildDepartmentTree, type Department, type DepartmentNode } from '@dayuan/shared';

export interface DepartmentOption {
  department: Department;
  depth: number;
}

/** Departments in tree order with their depth, for an indented pick list. */
export function departmentOptions(items: readonly Department[]): DepartmentOption[] {
  const walk = (nodes: readonly DepartmentNode[], depth: number): DepartmentOption[] =>
    nodes.flatMap(({ children, ...department }) => [{ department, depth }, ...walk(children, depth + 1)]);
  return walk(buildDepartmentTree(items), 0);
}
