import {
  type Department,
  describeGrant,
  type ImportBody,
  type ImportReport,
  maskPhone,
  type PeopleQuery,
  type PersonSummary,
  Role,
  type RoleGrant,
} from '@dayuan/shared';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PersonalDataCipher } from '../crypto/personal-data.js';
import type { Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { DeliveryDispatcher } from '../notifications/dispatcher.js';
import { Notifier } from '../notifications/notifier.js';
import type { AuthedCtx } from '../http/request-context.js';
import { parseCsv } from './csv.js';
import { DirectoryRepository, type PersonRow } from './directory.repository.js';
import { effectiveRoles, type ExistingPerson, planImport } from './import-plan.js';
import { type ImportRow, type RoleSpec, validateImportRows } from './import-rows.js';
import { grantFromRow, rowFromGrant } from './role-rows.js';

@Injectable()
export class DirectoryService {
  private readonly cipher: PersonalDataCipher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: DirectoryRepository,
    private readonly audit: AuditRepository,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
  ) {
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  async departments(): Promise<{ items: Department[] }> {
    return { items: await this.repo.departments() };
  }

  async people(query: PeopleQuery) {
    let departmentPath: string | undefined;
    if (query.departmentId) {
      const department = await this.repo.departmentById(query.departmentId);
      if (!department) throw new AppError('DIRECTORY_DEPARTMENT_NOT_FOUND');
      departmentPath = department.path;
    }
    const { rows, total } = await this.repo.searchPeople({ ...query, departmentPath });
    return { items: await this.summaries(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async person(id: string): Promise<PersonSummary> {
    const [row] = await this.repo.peopleByIds([id]);
    if (!row) throw new AppError('DIRECTORY_PERSON_NOT_FOUND');
    return (await this.summaries([row]))[0]!;
  }

  async setRoles(ctx: AuthedCtx, personId: string, roles: RoleGrant[]): Promise<PersonSummary> {
    const [person] = await this.repo.peopleByIds([personId]);
    if (!person) throw new AppError('DIRECTORY_PERSON_NOT_FOUND');
    const names = await this.checkScopesExist(roles);
    const labels = [...roles].sort(byRoleOrder).map((g) => describeGrant(g, names));
    await this.repo.transaction(async (tx) => {
      const before = (await this.repo.rolesOf([personId], tx)).map(grantFromRow);
      const losesAdmin = before.some((g) => g.role === 'admin') && !roles.some((g) => g.role === 'admin');
      if (losesAdmin && (await this.repo.otherActiveAdmins(tx, personId)) === 0) {
        throw new AppError('DIRECTORY_LAST_ADMIN');
      }
      await this.repo.replaceRoles(tx, personId, roles.map(rowFromGrant));
      await this.audit.record(tx, ctx, {
        action: 'directory.roles.set',
        entityType: 'person',
        entityId: personId,
        details: { before, after: roles },
      });
      await this.notifier.notify(tx, {
        template: 'directory.roles_changed',
        params: { roles: labels.join('、') || '无' },
        to: [{ personId }],
        dedupeKey: `roles-changed:${randomUUID()}`,
      });
    });
    this.dispatcher.kick();
    return this.person(personId);
  }

  async import(ctx: AuthedCtx, body: ImportBody): Promise<ImportReport> {
    const gates = await this.repo.gates();
    const gateCodes = new Map<string, string>(
      gates.flatMap((g) => [[g.code, g.code] as const, [g.name, g.code] as const]),
    );
    const { rows, details, headerOk } = validateImportRows(parseCsv(body.csv), { gateCodes });
    if (!headerOk) throw new AppError('DIRECTORY_IMPORT_HEADER_INVALID', details);
    if (details.length > 0) throw new AppError('DIRECTORY_IMPORT_INVALID', details);

    return this.repo.transaction(async (tx) => {
      const plan = planImport(rows, await this.importState(tx, rows));
      if (plan.details.length > 0) throw new AppError('DIRECTORY_IMPORT_INVALID', plan.details);
      const report: ImportReport = {
        dryRun: body.dryRun,
        totalRows: rows.length,
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        departmentsCreated: plan.departmentsToCreate.length,
      };
      if (body.dryRun) return report;

      const departmentIds = new Map((await this.repo.departments(tx)).map((d) => [d.path, d.id]));
      for (const [order, path] of plan.departmentsToCreate.entries()) {
        const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null;
        const id = await this.repo.insertDepartment(tx, {
          name: path.slice(path.lastIndexOf('/') + 1),
          parentId: parentPath ? departmentIds.get(parentPath)! : null,
          path,
          sortOrder: order,
        });
        departmentIds.set(path, id);
      }
      const gateIds = new Map(gates.map((g) => [g.code, g.id]));
      const values = (row: ImportRow) => ({
        name: row.name,
        title: row.title,
        departmentId: departmentIds.get(row.departmentPath)!,
        phoneEnc: this.cipher.encrypt(row.phone),
        phoneHash: this.cipher.hash('phone', row.phone),
      });
      const roleRows = (row: ImportRow) =>
        effectiveRoles(row).map((spec) => rowFromGrant(resolveSpec(spec, departmentIds, gateIds)));
      for (const row of plan.creates) {
        const id = await this.repo.insertPerson(tx, { employeeNo: row.employeeNo, ...values(row) });
        await this.repo.replaceRoles(tx, id, roleRows(row));
      }
      for (const { row, personId } of plan.updates) {
        await this.repo.updatePerson(tx, personId, values(row));
        await this.repo.replaceRoles(tx, personId, roleRows(row));
      }
      await this.audit.record(tx, ctx, {
        action: 'directory.imported',
        entityType: 'directory',
        details: {
          ...report,
          createdEmployeeNos: plan.creates.map((r) => r.employeeNo),
          updatedEmployeeNos: plan.updates.map((u) => u.row.employeeNo),
          departmentsCreated: plan.departmentsToCreate,
        },
      });
      return report;
    });
  }

  private async importState(tx: Tx, rows: ImportRow[]) {
    const existing = await this.repo.peopleByEmployeeNos(
      rows.map((r) => r.employeeNo),
      tx,
    );
    const departments = await this.repo.departments(tx);
    const pathById = new Map(departments.map((d) => [d.id, d.path]));
    const gateCodeById = new Map((await this.repo.gates(tx)).map((g) => [g.id, g.code]));
    const rolesByPerson = groupBy(
      await this.repo.rolesOf(
        existing.map((p) => p.id),
        tx,
      ),
      (r) => r.personId,
    );
    const hashPhone = (phone: string) => this.cipher.hash('phone', phone);
    const owners = await this.repo.phoneOwners(
      rows.map((r) => hashPhone(r.phone)),
      tx,
    );
    return {
      departmentPaths: new Set(departments.map((d) => d.path)),
      peopleByEmployeeNo: new Map(
        existing.map((p): [string, ExistingPerson] => [
          p.employeeNo,
          {
            id: p.id,
            name: p.name,
            title: p.title,
            departmentPath: p.departmentPath,
            phoneHash: p.phoneHash,
            roles: (rolesByPerson.get(p.id) ?? []).map((r) =>
              specFromGrant(grantFromRow(r), pathById, gateCodeById),
            ),
          },
        ]),
      ),
      phoneOwners: new Map(owners.map((o) => [o.phoneHash, o.employeeNo])),
      hashPhone,
    };
  }

  /** Checks every scope exists; returns the names role labels show. */
  private async checkScopesExist(roles: RoleGrant[]) {
    const [departments, gates] = await Promise.all([this.repo.departments(), this.repo.gates()]);
    const names = {
      departments: new Map(departments.map((d) => [d.id, d.name])),
      gates: new Map(gates.map((g) => [g.id, g.name])),
    };
    for (const grant of roles) {
      if (grant.role === 'approver' && grant.departmentIds.some((id) => !names.departments.has(id))) {
        throw new AppError('DIRECTORY_DEPARTMENT_NOT_FOUND');
      }
      if (grant.role === 'guard' && grant.gateIds.some((id) => !names.gates.has(id))) {
        throw new AppError('DIRECTORY_GATE_NOT_FOUND');
      }
    }
    return names;
  }

  /** Rows → the masked public shape, with roles and their scope names, in a fixed number of queries. */
  private async summaries(rows: PersonRow[]): Promise<PersonSummary[]> {
    const grants = new Map(
      rows.map((row) => [row.id, parseRoles(row.roles).map(grantFromRow).sort(byRoleOrder)]),
    );
    const all = [...grants.values()].flat();
    const names = {
      departments: all.some((g) => g.role === 'approver')
        ? new Map((await this.repo.departments()).map((d) => [d.id, d.name]))
        : undefined,
      gates: all.some((g) => g.role === 'guard')
        ? new Map((await this.repo.gates()).map((g) => [g.id, g.name]))
        : undefined,
    };
    return rows.map((row) => {
      const roles = grants.get(row.id)!;
      return {
        id: row.id,
        employeeNo: row.employeeNo,
        name: row.name,
        title: row.title,
        department:
          row.departmentId && row.departmentName && row.departmentPath
            ? { id: row.departmentId, name: row.departmentName, path: row.departmentPath }
            : null,
        phoneMasked: maskPhone(this.cipher.decrypt(row.phoneEnc)),
        roles,
        roleLabels: roles.map((g) => describeGrant(g, names)),
        status: row.status,
        wechatBound: row.wechatBound,
      };
    });
  }
}

function resolveSpec(
  spec: RoleSpec,
  departmentIds: Map<string, string>,
  gateIds: Map<string, string>,
): RoleGrant {
  if (spec.role === 'approver') {
    return { role: 'approver', departmentIds: spec.departmentPaths.map((p) => departmentIds.get(p)!) };
  }
  if (spec.role === 'guard') return { role: 'guard', gateIds: spec.gateCodes.map((c) => gateIds.get(c)!) };
  return spec;
}

function specFromGrant(
  grant: RoleGrant,
  pathById: Map<string, string>,
  gateCodeById: Map<string, string>,
): RoleSpec {
  if (grant.role === 'approver') {
    return { role: 'approver', departmentPaths: grant.departmentIds.map((id) => pathById.get(id) ?? id) };
  }
  if (grant.role === 'guard') {
    return { role: 'guard', gateCodes: grant.gateIds.map((id) => gateCodeById.get(id) ?? id) };
  }
  return grant;
}

const byRoleOrder = (a: RoleGrant, b: RoleGrant) =>
  Role.options.indexOf(a.role) - Role.options.indexOf(b.role);

/** node-postgres parses json columns; PGlite's drizzle driver may hand them over as text. */
function parseRoles(value: PersonRow['roles'] | string): PersonRow['roles'] {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
