import {
  bookingRoutes as b,
  type MeetingRoom,
  type MeetingService,
  serviceTaskRoutes as s,
} from '@dayuan/shared';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceTasksRepository } from '../src/meeting-rooms/service-tasks.repository.js';
import { meetingRoomsServiceTasks } from '../src/platform/db/schema.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { cstDay } from './support/visitors-kit.js';

const ORGANIZER = 'E0030';
const ADMIN = 'E0001';
const SERVER_A = 'E0026';
const SERVER_B = 'E0027';
const TOMORROW = cstDay(1);
const LATER = cstDay(2);

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let rooms: Record<string, MeetingRoom>;
let repo: ServiceTasksRepository;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
  kit = meetingRoomsKit(t);
  rooms = await kit.rooms();
  repo = t.app.get(ServiceTasksRepository);
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => t.close());

/** A booking by ORGANIZER with its service tasks queued the way a confirmed booking queues them. */
async function bookWithTasks(
  code: string,
  date: string,
  startTime: string,
  endTime: string,
  services: MeetingService[],
  party: { attendees?: string[]; guests?: number } = {},
) {
  const attendeeIds = await Promise.all((party.attendees ?? []).map((e) => kit.personId(e)));
  const booking = okBody(
    await kit.book(ORGANIZER, {
      roomId: rooms[code]!.id,
      title: `${code} 会议`,
      date,
      startTime,
      endTime,
      attendeeIds,
      guests: Array.from({ length: party.guests ?? 0 }, (_, i) => ({
        name: `来宾${i + 1}`,
        phone: `1380000000${i}`,
      })),
    }),
  );
  const tasks = await repo.transaction((tx) => repo.open(tx, booking.id, services));
  const id = (service: MeetingService) => tasks.find((task) => task.service === service)!.id;
  return { booking, id };
}

/** The organizer's service_updated notices about one booking, oldest first. */
async function updates(bookingId: string) {
  const notices = await kit.notices(ORGANIZER, 'meeting-rooms.service_updated');
  return notices.filter((n) => (n.params as { bookingId: string }).bookingId === bookingId);
}

const as = async (employeeNo: string) => ({ token: await kit.token(employeeNo) });
const accept = async (employeeNo: string, id: string) =>
  t.call(s.accept, { ...(await as(employeeNo)), params: { id } });
const done = async (employeeNo: string, id: string) =>
  t.call(s.done, { ...(await as(employeeNo)), params: { id } });
const list = async (employeeNo: string, query: Record<string, unknown> = {}) =>
  okBody(await t.call(s.list, { ...(await as(employeeNo)), query }));

describe('the service queue', () => {
  it('lists a day’s tasks by meeting start with the headcount; active hides done and cancelled', async () => {
    const late = await bookWithTasks('B1-202', TOMORROW, '15:00', '16:00', ['tea', 'av'], {
      attendees: ['E0031', 'E0032'],
      guests: 2,
    });
    const early = await bookWithTasks('B1-302', TOMORROW, '09:00', '10:00', ['water']);
    await bookWithTasks('B1-302', LATER, '09:00', '10:00', ['name_cards']);

    const day = await list(SERVER_A, { date: TOMORROW });
    expect(day.items.map((task) => [task.booking.id, task.service])).toEqual([
      [early.booking.id, 'water'],
      [late.booking.id, 'av'],
      [late.booking.id, 'tea'],
    ]);
    expect(day.total).toBe(3);
    expect(day.items[1]).toMatchObject({
      status: 'open',
      staff: null,
      acceptedAt: null,
      doneAt: null,
      booking: {
        title: 'B1-202 会议',
        room: { id: rooms['B1-202']!.id, name: rooms['B1-202']!.name, building: '1号办公楼' },
        organizer: { name: kit.name(ORGANIZER) },
        // The organizer, two staff attendees and two guests.
        headcount: 5,
      },
    });
    expect(day.items[0]!.booking.headcount).toBe(1);

    // Without a date: today by the meeting-room clock.
    kit.at(TOMORROW, '07:30:00');
    expect((await list(SERVER_B)).items.map((task) => task.id)).toEqual(day.items.map((task) => task.id));
    expect((await list(ADMIN, { pageSize: 1, page: 2 })).items.map((task) => task.id)).toEqual([
      late.id('av'),
    ]);

    okBody(await accept(SERVER_A, early.id('water')));
    okBody(await done(SERVER_A, early.id('water')));
    await repo.transaction((tx) => repo.cancelFor(tx, [late.booking.id]));
    expect((await list(SERVER_A, { date: TOMORROW })).items).toEqual([]);
    const all = await list(SERVER_A, { date: TOMORROW, show: 'all' });
    expect(all.items.map((task) => task.status)).toEqual(['done', 'cancelled', 'cancelled']);
  });

  it('a booking with services queues its tasks; cancelling the booking cancels them', async () => {
    const booking = okBody(
      await kit.book(ORGANIZER, {
        roomId: rooms['MC-102']!.id,
        title: '协调会',
        date: LATER,
        startTime: '16:00',
        endTime: '17:00',
        services: ['av', 'tea'],
      }),
    );
    const queued = (await list(SERVER_A, { date: LATER })).items.filter(
      (task) => task.booking.id === booking.id,
    );
    expect(queued.map((task) => [task.service, task.status])).toEqual([
      ['av', 'open'],
      ['tea', 'open'],
    ]);
    okBody(await accept(SERVER_A, queued[0]!.id));
    okBody(await t.call(b.cancel, { ...(await as(ORGANIZER)), params: { id: booking.id } }));
    const after = (await list(SERVER_A, { date: LATER, show: 'all' })).items.filter(
      (task) => task.booking.id === booking.id,
    );
    expect(after.map((task) => task.status)).toEqual(['cancelled', 'cancelled']);
    expect(await accept(SERVER_B, queued[1]!.id)).toMatchObject({ status: 409 });
  });

  it('is for meeting_service staff and admins only', async () => {
    const res = await t.call(s.list, await as(ORGANIZER));
    expect(res).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
    expect(await accept(ADMIN, '00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 403 });
  });
});

describe('accepting and finishing a task', () => {
  it('two staff accepting at once: exactly one wins, the other is told it is taken', async () => {
    const { booking, id } = await bookWithTasks('B1-402', TOMORROW, '10:00', '11:00', ['tea', 'water', 'av']);
    for (const service of ['tea', 'water', 'av'] as const) {
      const results = await Promise.all([accept(SERVER_A, id(service)), accept(SERVER_B, id(service))]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const lost = results.find((r) => !r.ok)!;
      expect(lost.body).toMatchObject({ code: 'MEETING_ROOMS_SERVICE_TASK_STATE' });
      const won = okBody<typeof s.accept>(results.find((r) => r.ok)!);
      const [row] = await t.db
        .select()
        .from(meetingRoomsServiceTasks)
        .where(eq(meetingRoomsServiceTasks.id, id(service)));
      const winner = won.staff === kit.name(SERVER_A) ? SERVER_A : SERVER_B;
      expect(row).toMatchObject({ status: 'accepted', acceptedBy: await kit.personId(winner) });
      expect(await kit.audits(id(service), 'meeting_rooms.service_task.accepted')).toHaveLength(1);
    }
    expect(await updates(booking.id)).toHaveLength(3);
  });

  it('accept → done by the taker, who the organizer hears about both times', async () => {
    kit.at(TOMORROW, '08:10:00');
    const { booking, id } = await bookWithTasks('B1-603', TOMORROW, '14:00', '15:30', ['name_cards']);
    const task = id('name_cards');
    const accepted = okBody(await accept(SERVER_A, task));
    expect(accepted).toMatchObject({
      status: 'accepted',
      staff: kit.name(SERVER_A),
      acceptedAt: new Date(`${TOMORROW}T08:10:00+08:00`).toISOString(),
      doneAt: null,
    });
    expect(await accept(SERVER_A, task)).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_SERVICE_TASK_STATE' },
    });
    // Only the taker (or an admin) marks it done.
    expect(await done(SERVER_B, task)).toMatchObject({
      status: 403,
      body: { code: 'MEETING_ROOMS_NOT_YOUR_SERVICE_TASK', message: '只能完成您自己接单的服务任务' },
    });
    kit.at(TOMORROW, '13:40:00');
    const finished = okBody(await done(SERVER_A, task));
    expect(finished).toMatchObject({
      status: 'done',
      doneAt: new Date(`${TOMORROW}T13:40:00+08:00`).toISOString(),
    });
    expect(await done(SERVER_A, task)).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_SERVICE_TASK_STATE' },
    });
    expect(await kit.audits(task, 'meeting_rooms.service_task.done')).toHaveLength(1);

    const notices = await updates(booking.id);
    const when = `${Number(TOMORROW.slice(5, 7))}月${Number(TOMORROW.slice(8))}日 14:00–15:30`;
    expect(notices.map((n) => [n.title, n.body])).toEqual([
      ['桌牌已接单', `${rooms['B1-603']!.name}（${when}）的桌牌服务已接单，服务人员：${kit.name(SERVER_A)}`],
      ['桌牌已完成', expect.stringContaining(`服务已完成，服务人员：${kit.name(SERVER_A)}`)],
    ]);
  });

  it('an admin may finish anyone’s task; open, done and cancelled tasks cannot be finished or taken', async () => {
    const { booking, id } = await bookWithTasks('MC-202', TOMORROW, '10:00', '11:00', ['tea', 'av', 'water']);
    okBody(await accept(SERVER_A, id('tea')));
    expect(okBody(await done(ADMIN, id('tea')))).toMatchObject({ status: 'done', staff: kit.name(SERVER_A) });
    expect(await done(SERVER_A, id('av'))).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_SERVICE_TASK_STATE' },
    });
    expect(await accept(SERVER_B, id('tea'))).toMatchObject({ status: 409 });
    await repo.transaction((tx) => repo.cancelFor(tx, [booking.id]));
    expect(await accept(SERVER_B, id('av'))).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_SERVICE_TASK_STATE' },
    });
    expect(await accept(SERVER_B, '00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { code: 'MEETING_ROOMS_SERVICE_TASK_NOT_FOUND' },
    });
    expect(await done(ADMIN, '00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404 });
  });
});
