import { describe, expect, it } from 'vitest';
import { demoCompound, demoLogins, demoWechatAccounts, type DemoRoleName } from '../src/demo/index.js';

const { departments, people, gates, buildings } = demoCompound;

function unique(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length;
}

describe('demo compound', () => {
  it('has unique employee numbers, phones, openids, department keys, gate and room codes', () => {
    expect(people.length).toBeGreaterThanOrEqual(55);
    expect(unique(people.map((p) => p.employeeNo))).toBe(true);
    expect(unique(people.map((p) => p.phone))).toBe(true);
    const openids = people.flatMap((p) => (p.openid ? [p.openid] : []));
    expect(unique(openids)).toBe(true);
    expect(unique(departments.map((d) => d.key))).toBe(true);
    expect(unique(gates.map((g) => g.code))).toBe(true);
    expect(unique(buildings.flatMap((b) => b.rooms.map((r) => r.code)))).toBe(true);
  });

  it('uses well-formed identifiers', () => {
    people.forEach((person, index) => {
      expect(person.employeeNo).toBe(`E${String(index + 1).padStart(4, '0')}`);
      expect(person.phone).toMatch(/^139\d{8}$/);
      if (person.openid !== null) expect(person.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    });
    const unbound = people.filter((p) => p.openid === null);
    expect(unbound.length).toBeGreaterThanOrEqual(3);
    expect(unbound.length).toBeLessThanOrEqual(8);
  });

  it('references only existing departments and gates', () => {
    const departmentKeys = new Set(departments.map((d) => d.key));
    const gateCodes = new Set(gates.map((g) => g.code));
    for (const department of departments) {
      if (department.parentKey !== null) {
        expect(departmentKeys.has(department.parentKey)).toBe(true);
        expect(departments.find((d) => d.key === department.parentKey)?.parentKey).toBeNull();
      }
    }
    for (const person of people) {
      expect(departmentKeys.has(person.departmentKey)).toBe(true);
      for (const grant of person.roles) {
        if (grant.role === 'approver') {
          grant.departmentKeys.forEach((key) => expect(departmentKeys.has(key)).toBe(true));
        }
        if (grant.role === 'guard') grant.gateCodes.forEach((code) => expect(gateCodes.has(code)).toBe(true));
      }
    }
  });

  it('covers every role with the promised head count, and everyone is staff', () => {
    const holders = (role: DemoRoleName) => people.filter((p) => p.roles.some((r) => r.role === role));
    expect(people.every((p) => p.roles.some((r) => r.role === 'staff'))).toBe(true);
    expect(people[0]).toMatchObject({ employeeNo: 'E0001', openid: expect.any(String) });
    expect(people[0]?.roles.some((r) => r.role === 'admin')).toBe(true);
    expect(holders('admin').length).toBeGreaterThanOrEqual(2);
    expect(holders('canteen_staff')).toHaveLength(3);
    expect(holders('driver')).toHaveLength(4);
    expect(holders('fleet_manager')).toHaveLength(1);
    expect(holders('meeting_service')).toHaveLength(2);

    const guardGates = people.flatMap((p) =>
      p.roles.flatMap((r) => (r.role === 'guard' ? [r.gateCodes] : [])),
    );
    expect(guardGates).toHaveLength(4);
    expect(new Set(guardGates.flat())).toEqual(new Set(gates.map((g) => g.code)));

    const skills = people.flatMap((p) =>
      p.roles.flatMap((r) => (r.role === 'technician' ? [r.skills[0]] : [])),
    );
    expect(skills).toHaveLength(4);
    expect(unique(skills)).toBe(true);

    const approved = new Set(
      people.flatMap((p) => p.roles.flatMap((r) => (r.role === 'approver' ? r.departmentKeys : []))),
    );
    for (const top of departments.filter((d) => d.parentKey === null)) {
      expect(approved.has(top.key)).toBe(true);
    }
  });

  it('offers one bound demo login per role', () => {
    for (const [role, employeeNo] of Object.entries(demoLogins)) {
      const person = people.find((p) => p.employeeNo === employeeNo);
      expect(person?.openid).not.toBeNull();
      expect(person?.roles.some((r) => r.role === role)).toBe(true);
    }
    expect(Object.keys(demoLogins).sort()).toEqual([
      'admin',
      'approver',
      'canteen_staff',
      'driver',
      'fleet_manager',
      'guard',
      'meeting_service',
      'staff',
      'technician',
    ]);
  });

  it('has three gates and about 25 rooms in three buildings', () => {
    expect(gates.map((g) => [g.name, g.kind])).toEqual([
      ['东门', 'pedestrian'],
      ['北门', 'both'],
      ['地下车库入口', 'vehicle'],
    ]);
    const rooms = buildings.flatMap((b) => b.rooms);
    expect(rooms.length).toBeGreaterThanOrEqual(20);
    for (const building of buildings) {
      for (const room of building.rooms) expect(room.floor).toBeLessThanOrEqual(building.floors);
    }
    expect(rooms.filter((r) => r.kind === 'meeting').length).toBeGreaterThanOrEqual(5);
    expect(rooms.some((r) => r.kind === 'canteen')).toBe(true);
  });

  it('describes the bound accounts with Chinese role labels', () => {
    const accounts = demoWechatAccounts();
    expect(accounts).toHaveLength(people.filter((p) => p.openid !== null).length);
    expect(accounts.find((a) => a.employeeNo === 'E0004')?.roleLabels).toEqual([
      '审批人（机关事务管理局）',
      '工作人员',
    ]);
    expect(accounts.find((a) => a.employeeNo === 'E0013')?.roleLabels[0]).toBe('门岗（东门、北门）');
    expect(accounts.find((a) => a.employeeNo === 'E0022')?.roleLabels[0]).toBe('维修技师（电工）');
  });
});
