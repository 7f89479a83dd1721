import { demoCompound, demoLogins } from '@dayuan/mocks';
import {
  appsForRoles,
  authRoutes,
  buildDepartmentTree,
  directoryRoutes as r,
  importColumns,
} from '@dayuan/shared';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people } from '../src/platform/db/schema.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: string;
let staff: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await t.loginAs(demoLogins.admin)).tokens.accessToken;
  staff = (await t.loginAs(demoLogins.staff)).tokens.accessToken;
});
afterAll(() => t.close());

const header = importColumns.join(',');
const peopleCount = async () => (await t.db.select({ n: count() }).from(people))[0]!.n;

describe('browsing the directory', () => {
  it('lists departments that build into the two-level tree with member counts', async () => {
    const res = okBody(await t.call(r.departments, { token: staff }));
    expect(res.items).toHaveLength(demoCompound.departments.length);
    const tree = buildDepartmentTree(res.items);
    expect(tree.length).toBe(demoCompound.departments.filter((d) => d.parentKey === null).length);
    const total = res.items.reduce((n, d) => n + d.memberCount, 0);
    expect(total).toBe(demoCompound.people.length);
  });

  it('searches by name or employee number prefix, paged, with masked phones only', async () => {
    const page1 = okBody(await t.call(r.people, { token: staff, query: { pageSize: 10 } }));
    expect(page1).toMatchObject({ total: demoCompound.people.length, page: 1, pageSize: 10 });
    expect(page1.items).toHaveLength(10);
    expect(page1.items.every((p) => /^\d{3}\*{4}\d{4}$/.test(p.phoneMasked))).toBe(true);

    const someone = demoCompound.people[20]!;
    const byName = okBody(await t.call(r.people, { token: staff, query: { q: someone.name } }));
    expect(byName.items.map((p) => p.employeeNo)).toContain(someone.employeeNo);
    const byNo = okBody(
      await t.call(r.people, { token: staff, query: { q: someone.employeeNo.toLowerCase() } }),
    );
    expect(byNo.items.map((p) => p.employeeNo)).toEqual([someone.employeeNo]);
    const wildcard = okBody(await t.call(r.people, { token: staff, query: { q: '%' } }));
    expect(wildcard.total).toBe(0);
  });

  it('lists a department with the departments below it', async () => {
    const departments = okBody(await t.call(r.departments, { token: staff }));
    const parent = departments.items.find(
      (d) => d.parentId === null && departments.items.some((c) => c.parentId === d.id),
    )!;
    const res = okBody(
      await t.call(r.people, { token: staff, query: { departmentId: parent.id, pageSize: 100 } }),
    );
    expect(res.items.length).toBeGreaterThan(0);
    expect(
      res.items.every(
        (p) => p.department!.path === parent.path || p.department!.path.startsWith(`${parent.path}/`),
      ),
    ).toBe(true);
    const missing = await t.call(r.people, {
      token: staff,
      query: { departmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'DIRECTORY_DEPARTMENT_NOT_FOUND' } });
  });
});

describe('CSV import', () => {
  it('is for admins only', async () => {
    const res = await t.call(r.import, { token: staff, body: { csv: `${header}\n` } });
    expect(res).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
  });

  it('reports every bad row with its line and column, and writes nothing', async () => {
    const before = await peopleCount();
    const csv = [
      header,
      'N0001,李新,13912345601,新部门/一处,科员,staff',
      'N0002,,139123,新部门,,',
      'N0001,王重,13912345603,新部门,,guard:nowhere',
      'N0004,赵四,13912345604,新部门,,technician:魔法',
      'N0005,钱五,13912345605,新部门',
      `N0006,孙六,${demoCompound.people[0]!.phone},新部门,,`,
    ].join('\r\n');
    const res = await t.call(r.import, { token: admin, body: { csv } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'DIRECTORY_IMPORT_INVALID',
      message: '导入文件有错误，未导入任何数据',
    });
    const paths = res.ok ? [] : res.body.details.map((d) => d.path);
    expect(paths).toEqual([
      'rows.3.姓名',
      'rows.3.手机号',
      'rows.4.工号',
      'rows.4.角色',
      'rows.5.角色',
      'rows.6',
    ]);
    expect(await peopleCount()).toBe(before);

    const clash = await t.call(r.import, {
      token: admin,
      body: { csv: [header, `N0006,孙六,${demoCompound.people[0]!.phone},新部门,,`].join('\n') },
    });
    expect(clash).toMatchObject({
      status: 422,
      body: {
        details: [{ path: 'rows.2.手机号', issue: `已被工号 ${demoCompound.people[0]!.employeeNo} 使用` }],
      },
    });
  });

  it('refuses a file with the wrong header', async () => {
    const res = await t.call(r.import, { token: admin, body: { csv: 'id,name\n1,2' } });
    expect(res).toMatchObject({
      status: 422,
      body: { code: 'DIRECTORY_IMPORT_HEADER_INVALID', details: [{ path: 'csv.header' }] },
    });
  });

  it('dry-runs, then applies creates and updates in one go, then sees nothing to change', async () => {
    const existing = demoCompound.people[30]!;
    const csv =
      '\uFEFF' +
      [
        header,
        'N1001,周一,13912345611,调研室/一组,科员,staff',
        'N1002,"吴,二",13912345612,调研室,主任,审批人;技术员',
        `${existing.employeeNo},${existing.name},${existing.phone},调研室/一组,新职务,staff;guard:EAST`,
      ].join('\n');
    const bad = await t.call(r.import, { token: admin, body: { csv } });
    expect(bad).toMatchObject({
      status: 422,
      body: { details: [{ path: 'rows.3.角色', issue: '未知角色「技术员」' }] },
    });

    const fixed = csv.replace('审批人;技术员', '审批人;technician:electrical|水暖');
    const dry = await t.call(r.import, { token: admin, body: { csv: fixed, dryRun: true } });
    expect(dry).toMatchObject({
      status: 200,
      body: { dryRun: true, totalRows: 3, created: 2, updated: 1, unchanged: 0, departmentsCreated: 2 },
    });
    const before = await peopleCount();
    expect(before).toBe(demoCompound.people.length);

    const applied = await t.call(r.import, { token: admin, body: { csv: fixed } });
    expect(applied).toMatchObject({
      status: 200,
      body: { dryRun: false, created: 2, updated: 1, departmentsCreated: 2 },
    });
    expect(await peopleCount()).toBe(before + 2);

    const again = await t.call(r.import, { token: admin, body: { csv: fixed } });
    expect(again).toMatchObject({
      status: 200,
      body: { created: 0, updated: 0, unchanged: 3, departmentsCreated: 0 },
    });

    const search = okBody(await t.call(r.people, { token: staff, query: { q: '吴,二' } }));
    expect(search.items[0]).toMatchObject({
      title: '主任',
      department: { path: '调研室' },
      roleLabels: ['审批人（调研室）', '维修技师（电工、水暖）'],
    });
    const moved = okBody(await t.call(r.people, { token: staff, query: { q: existing.employeeNo } }));
    expect(moved.items[0]).toMatchObject({ title: '新职务', roleLabels: ['工作人员', '门岗（东门）'] });

    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'directory.imported'));
    expect(audit?.details).toMatchObject({
      createdEmployeeNos: ['N1001', 'N1002'],
      updatedEmployeeNos: [existing.employeeNo],
    });
  });
});

describe('roles', () => {
  it('lets an admin change roles, which take effect on the next request', async () => {
    const person = (await t.loginAs(demoLogins.driver)).me;
    const guard = okBody(
      await t.call(r.person, { token: admin, params: { id: (await t.loginAs(demoLogins.guard)).me.id } }),
    );
    const gateIds = guard.roles.flatMap((g) => (g.role === 'guard' ? g.gateIds : []));
    const token = (await t.loginAs(demoLogins.driver)).tokens.accessToken;
    expect(await t.call(r.import, { token, body: { csv: header } })).toMatchObject({ status: 403 });

    const res = await t.call(r.setRoles, {
      token: admin,
      params: { id: person.id },
      body: { roles: [{ role: 'staff' }, { role: 'admin' }, { role: 'guard', gateIds }] },
    });
    expect(res).toMatchObject({ status: 200, body: { roleLabels: ['工作人员', '管理员', '门岗（东门）'] } });
    const me = await t.call(authRoutes.me, { token });
    expect(me).toMatchObject({
      status: 200,
      body: { apps: appsForRoles(['staff', 'admin', 'guard']).map((a) => a.slug) },
    });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'directory.roles.set'));
    expect(audit).toMatchObject({ entityId: person.id, client: 'weapp' });
  });

  it('refuses unknown scopes and removing the last admin', async () => {
    const me = (await t.loginAs(demoLogins.staff)).me;
    const badGate = await t.call(r.setRoles, {
      token: admin,
      params: { id: me.id },
      body: { roles: [{ role: 'guard', gateIds: ['00000000-0000-4000-8000-000000000000'] }] },
    });
    expect(badGate).toMatchObject({ status: 404, body: { code: 'DIRECTORY_GATE_NOT_FOUND' } });

    const admins = okBody(await t.call(r.people, { token: admin, query: { pageSize: 100 } }));
    // The acting admin demotes the others first, then tries to demote themself: the last admin.
    const actingId = admins.items.find((p) => p.employeeNo === demoLogins.admin)!.id;
    const adminIds = admins.items
      .filter((p) => p.roles.some((g) => g.role === 'admin') && p.id !== actingId)
      .map((p) => p.id)
      .concat(actingId);
    const results = [];
    for (const id of adminIds) {
      results.push(
        await t.call(r.setRoles, { token: admin, params: { id }, body: { roles: [{ role: 'staff' }] } }),
      );
    }
    expect(results.at(-1)).toMatchObject({ status: 409, body: { code: 'DIRECTORY_LAST_ADMIN' } });
    expect(results.slice(0, -1).every((x) => x.status === 200)).toBe(true);
  });
});

describe('the last admin under concurrency', () => {
  it('keeps one admin when the last two demote each other at the same time', async () => {
    const a = await t.loginAs(demoLogins.admin);
    const admins = okBody(await t.call(r.people, { token: a.tokens.accessToken, query: { pageSize: 100 } }));
    const others = admins.items.filter((p) => p.roles.some((g) => g.role === 'admin') && p.id !== a.me.id);
    // Leave exactly two admins: the acting one and one more.
    const [b, ...rest] = others;
    if (!b) {
      const staffMe = (await t.loginAs(demoLogins.staff)).me;
      await t.call(r.setRoles, {
        token: a.tokens.accessToken,
        params: { id: staffMe.id },
        body: { roles: [{ role: 'admin' }] },
      });
    }
    for (const p of rest) {
      await t.call(r.setRoles, {
        token: a.tokens.accessToken,
        params: { id: p.id },
        body: { roles: [{ role: 'staff' }] },
      });
    }
    const second = b ?? (await t.loginAs(demoLogins.staff)).me;
    const bToken = (await t.loginAs(second.employeeNo)).tokens.accessToken;
    const results = await Promise.all([
      t.call(r.setRoles, {
        token: a.tokens.accessToken,
        params: { id: second.id },
        body: { roles: [{ role: 'staff' }] },
      }),
      t.call(r.setRoles, { token: bToken, params: { id: a.me.id }, body: { roles: [{ role: 'staff' }] } }),
    ]);
    const statuses = results.map((x) => x.status).sort();
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).not.toBe(200);
    const left = okBody(await t.call(r.people, { token: staff, query: { pageSize: 100 } }));
    expect(left.items.filter((p) => p.roles.some((g) => g.role === 'admin'))).toHaveLength(1);
  });
});
