import { meetingRoomRoutes as m, type RouteBody } from '@dayuan/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/platform/db/schema.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';

const ADMIN = 'E0001';
const STAFF = 'E0030';

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let buildingIds: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
  kit = meetingRoomsKit(t);
  const rooms = Object.values(await kit.rooms());
  buildingIds = Object.fromEntries(rooms.map((r) => [r.building.name, r.building.id]));
});
afterAll(() => t.close());

const body = (over: Partial<RouteBody<typeof m.create>> = {}): RouteBody<typeof m.create> => ({
  buildingId: buildingIds['1号办公楼']!,
  floor: 5,
  code: 'b1-502',
  name: '第四会议室',
  capacity: 14,
  equipment: ['screen', 'whiteboard'],
  restricted: false,
  openFrom: '08:30',
  openUntil: '18:00',
  maxDurationMinutes: 120,
  maxDaysAhead: 14,
  minNoticeMinutes: 0,
  ...over,
});

describe('the room catalogue', () => {
  it('holds the demo compound’s meeting rooms with their rules', async () => {
    const rooms = await kit.rooms();
    expect(Object.keys(rooms)).toEqual([
      'B1-202',
      'B1-302',
      'B1-402',
      'B1-603',
      'MC-101',
      'MC-102',
      'MC-201',
      'MC-202',
    ]);
    expect(rooms['MC-201']).toMatchObject({
      name: '贵宾接待室',
      building: { name: '会议中心' },
      floor: 2,
      restricted: true,
      openFrom: '08:00',
      openUntil: '21:00',
    });
  });

  it('filters by building, capacity and equipment', async () => {
    const list = async (query: Record<string, unknown>) =>
      okBody(await t.call(m.list, { token: await kit.token(STAFF), query })).items.map((r) => r.code);
    expect(await list({ buildingId: buildingIds['会议中心'] })).toEqual([
      'MC-101',
      'MC-102',
      'MC-201',
      'MC-202',
    ]);
    expect(await list({ minCapacity: 100 })).toEqual(['MC-101', 'MC-102']);
    expect(await list({ equipment: 'projector,whiteboard' })).toEqual(['B1-202', 'MC-202']);
    const bad = await t.call(m.list, { token: await kit.token(STAFF), query: { equipment: 'hologram' } });
    expect(bad).toMatchObject({
      status: 400,
      body: { details: [expect.objectContaining({ path: 'query.equipment.0' })] },
    });
  });
});

describe('room administration', () => {
  it('adds and changes a room, audited; staff may not', async () => {
    const admin = await kit.token(ADMIN);
    const created = okBody(await t.call(m.create, { token: admin, body: body() }));
    expect(created).toMatchObject({
      code: 'B1-502',
      floor: 5,
      capacity: 14,
      openFrom: '08:30',
      openUntil: '18:00',
    });
    const updated = okBody(
      await t.call(m.update, {
        token: admin,
        params: { id: created.id },
        body: body({ capacity: 18, restricted: true, openUntil: '20:00' }),
      }),
    );
    expect(updated).toMatchObject({ id: created.id, capacity: 18, restricted: true, openUntil: '20:00' });
    expect(await t.db.$count(auditLog, eq(auditLog.entityId, created.id))).toBe(2);

    const staff = await t.call(m.create, { token: await kit.token(STAFF), body: body({ code: 'B1-503' }) });
    expect(staff).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
  });

  it('refuses a taken room number, a floor the building lacks, an unknown building and closed-before-open hours', async () => {
    const admin = await kit.token(ADMIN);
    expect(await t.call(m.create, { token: admin, body: body({ code: 'B1-202' }) })).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_CODE_TAKEN', details: [{ path: 'body.code' }] },
    });
    expect(await t.call(m.create, { token: admin, body: body({ code: 'B1-901', floor: 9 }) })).toMatchObject({
      status: 400,
      body: {
        code: 'MEETING_ROOMS_FLOOR_INVALID',
        details: [{ path: 'body.floor', issue: '1号办公楼共 6 层' }],
      },
    });
    const nowhere = body({ buildingId: '00000000-0000-4000-8000-000000000000' });
    expect(await t.call(m.create, { token: admin, body: nowhere })).toMatchObject({
      status: 404,
      body: { code: 'MEETING_ROOMS_BUILDING_NOT_FOUND', details: [{ path: 'body.buildingId' }] },
    });
    expect(
      await t.call(m.create, { token: admin, body: body({ openFrom: '18:00', openUntil: '09:00' }) }),
    ).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'body.openUntil', issue: '关闭时间须晚于开放时间' }],
      },
    });
    const missing = await t.call(m.update, {
      token: admin,
      params: { id: '00000000-0000-4000-8000-000000000000' },
      body: body({ code: 'B1-599' }),
    });
    expect(missing).toMatchObject({ status: 404, body: { code: 'MEETING_ROOMS_NOT_FOUND' } });
  });
});
