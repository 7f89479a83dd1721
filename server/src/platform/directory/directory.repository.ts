import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { type Db, type Tx } from '../db/client.js';
import { InjectDb } from '../db/db.module.js';
import { departments, gates, people, personRoles } from '../db/schema.js';

export interface PersonRow {
  id: string;
  roles: { role: string; scope: unknown }[];
  wechatBound: boolean;
  employeeNo: string;
  name: string;
  title: string | null;
  phoneEnc: string;
  phoneHash: string;
  status: 'active' | 'disabled';
  departmentId: string | null;
  departmentName: string | null;
  departmentPath: string | null;
}

const personColumns = {
  id: people.id,
  employeeNo: people.employeeNo,
  name: people.name,
  title: people.title,
  phoneEnc: people.phoneEnc,
  phoneHash: people.phoneHash,
  status: people.status,
  departmentId: people.departmentId,
  departmentName: departments.name,
  departmentPath: departments.path,
  // Roles and binding come in the same row: one query per page of people, or per person.
  roles: sql<
    { role: string; scope: unknown }[]
  >`coalesce((select json_agg(json_build_object('role', r.role, 'scope', r.scope) order by r.role) from person_roles r where r.person_id = ${people.id}), '[]'::json)`,
  wechatBound: sql<boolean>`exists (select 1 from wechat_bindings b where b.person_id = ${people.id})`,
};

@Injectable()
export class DirectoryRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async departments(db: Db | Tx = this.db) {
    return db
      .select({
        id: departments.id,
        name: departments.name,
        parentId: departments.parentId,
        path: departments.path,
        sortOrder: departments.sortOrder,
        memberCount: count(people.id),
      })
      .from(departments)
      .leftJoin(people, and(eq(people.departmentId, departments.id), eq(people.status, 'active')))
      .groupBy(departments.id)
      .orderBy(asc(departments.path));
  }

  async departmentById(id: string) {
    const [row] = await this.db.select().from(departments).where(eq(departments.id, id));
    return row;
  }

  async gates(db: Db | Tx = this.db) {
    return db.select({ id: gates.id, code: gates.code, name: gates.name }).from(gates);
  }

  async searchPeople(filter: { departmentPath?: string; q?: string; page: number; pageSize: number }) {
    const conditions: SQL[] = [];
    if (filter.departmentPath) {
      // A department lists its own members and those of every department below it.
      conditions.push(
        or(
          eq(departments.path, filter.departmentPath),
          ilike(departments.path, `${escapeLike(filter.departmentPath)}/%`),
        )!,
      );
    }
    if (filter.q) {
      const prefix = `${escapeLike(filter.q)}%`;
      conditions.push(or(ilike(people.name, prefix), ilike(people.employeeNo, prefix))!);
    }
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const [rows, [total]] = await Promise.all([
      this.db
        .select(personColumns)
        .from(people)
        .leftJoin(departments, eq(departments.id, people.departmentId))
        .where(where)
        .orderBy(asc(departments.path), asc(people.employeeNo))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      this.db
        .select({ n: count() })
        .from(people)
        .leftJoin(departments, eq(departments.id, people.departmentId))
        .where(where),
    ]);
    return { rows: rows as PersonRow[], total: total?.n ?? 0 };
  }

  async peopleByIds(ids: string[], db: Db | Tx = this.db): Promise<PersonRow[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select(personColumns)
      .from(people)
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(inArray(people.id, ids));
    return rows as PersonRow[];
  }

  async peopleByEmployeeNos(employeeNos: string[], db: Db | Tx = this.db): Promise<PersonRow[]> {
    if (employeeNos.length === 0) return [];
    const rows = await db
      .select(personColumns)
      .from(people)
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(inArray(people.employeeNo, employeeNos));
    return rows as PersonRow[];
  }

  async phoneOwners(phoneHashes: string[], db: Db | Tx = this.db) {
    if (phoneHashes.length === 0) return [];
    return db
      .select({ phoneHash: people.phoneHash, employeeNo: people.employeeNo })
      .from(people)
      .where(inArray(people.phoneHash, phoneHashes));
  }

  async rolesOf(personIds: string[], db: Db | Tx = this.db) {
    if (personIds.length === 0) return [];
    return db
      .select({ personId: personRoles.personId, role: personRoles.role, scope: personRoles.scope })
      .from(personRoles)
      .where(inArray(personRoles.personId, personIds))
      .orderBy(asc(personRoles.role));
  }

  async replaceRoles(tx: Tx, personId: string, rows: { role: string; scope: Record<string, unknown> }[]) {
    await tx.delete(personRoles).where(eq(personRoles.personId, personId));
    if (rows.length > 0) await tx.insert(personRoles).values(rows.map((r) => ({ personId, ...r })));
  }

  /**
   * Active admins other than `personId`. Every admin row is locked, the person's own included, so two
   * admins demoting each other at once are serialised and the second sees the first's change.
   */
  async otherActiveAdmins(tx: Tx, personId: string): Promise<number> {
    const rows = await tx
      .select({ id: people.id })
      .from(personRoles)
      .innerJoin(people, eq(people.id, personRoles.personId))
      .where(and(eq(personRoles.role, 'admin'), eq(people.status, 'active')))
      .for('update');
    return rows.filter((r) => r.id !== personId).length;
  }

  async insertDepartment(
    tx: Tx,
    values: { name: string; parentId: string | null; path: string; sortOrder: number },
  ) {
    const [row] = await tx.insert(departments).values(values).returning({ id: departments.id });
    return row!.id;
  }

  async insertPerson(tx: Tx, values: typeof people.$inferInsert) {
    const [row] = await tx.insert(people).values(values).returning({ id: people.id });
    return row!.id;
  }

  async updatePerson(tx: Tx, id: string, values: Partial<typeof people.$inferInsert>) {
    await tx
      .update(people)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(people.id, id));
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
