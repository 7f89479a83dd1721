import { meetingRoomRoutes as m, type MeetingRoom, roomIdOf } from '@dayuan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { mockPost, okBody, startTestApp, type TestApp } from './support/test-app.js';

const ADMIN = 'E0001';
const STAFF = 'E0030';
const PAGE = 'meeting-rooms/pages/room/index';

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let room: MeetingRoom;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
  kit = meetingRoomsKit(t);
  room = (await kit.rooms())['B1-402']!;
});
afterAll(() => t.close());

const doorCode = async (employeeNo: string, id: string) =>
  t.call(m.doorCode, { token: await kit.token(employeeNo), params: { id } });

interface MockCall {
  path: string;
  body: Record<string, unknown>;
}

describe('door codes', () => {
  it('asks WeChat for an unlimited code with the room’s 32-hex scene and the room page; answers a PNG', async () => {
    const code = okBody(await doorCode(ADMIN, room.id));
    const scene = room.id.replace(/-/g, '');
    expect(code).toMatchObject({ page: PAGE, scene });
    expect(scene).toMatch(/^[0-9a-f]{32}$/);
    expect(code.image).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(code.image.slice('data:image/png;base64,'.length), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const calls = (await (
      await fetch(`${t.wechat.url}/__mock/calls?path=/wxa/getwxacodeunlimit`)
    ).json()) as MockCall[];
    expect(calls.at(-1)!.body).toMatchObject({ scene, page: PAGE });
  });

  it('the room page resolves the scene back to the room', async () => {
    const token = await kit.token(STAFF);
    const scene = okBody(await doorCode(ADMIN, room.id)).scene;
    expect(roomIdOf(scene)).toBe(room.id);
    expect(okBody(await t.call(m.get, { token, params: { id: scene } }))).toMatchObject({
      id: room.id,
      name: room.name,
    });
    expect(okBody(await t.call(m.get, { token, params: { id: scene.toUpperCase() } })).id).toBe(room.id);
    expect(okBody(await t.call(m.get, { token, params: { id: room.id } })).id).toBe(room.id);
    expect(await t.call(m.get, { token, params: { id: `${scene}0` } })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ path: 'params.id' }] },
    });
    expect(await t.call(m.get, { token, params: { id: '0'.repeat(32) } })).toMatchObject({
      status: 404,
      body: { code: 'MEETING_ROOMS_NOT_FOUND' },
    });
  });

  it('is for admins; unknown rooms are 404; a WeChat refusal is a coded 503, never a 500', async () => {
    expect(await doorCode(STAFF, room.id)).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
    expect(await doorCode(ADMIN, '00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { code: 'MEETING_ROOMS_NOT_FOUND' },
    });
    await mockPost(t.wechat.url, '/__mock/faults', { path: '/wxa/getwxacodeunlimit', errcode: 45009 });
    expect(await doorCode(ADMIN, room.id)).toMatchObject({
      status: 503,
      body: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    // A rejected access token is refreshed once, then the code comes.
    await mockPost(t.wechat.url, '/__mock/faults', { path: '/wxa/getwxacodeunlimit', errcode: 40001 });
    okBody(await doorCode(ADMIN, room.id));
  });
});
