import { bookingLifecycleRoutes as l, type MeetingRoom } from '@dayuan/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MeetingRoomsSweeper } from '../src/meeting-rooms/meeting-rooms-sweeper.js';
import { addDays } from '../src/platform/time/china-time.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { cstDay } from './support/visitors-kit.js';

const ORGANIZER = 'E0030'; // 办公厅秘书处
const APPROVER = 'E0003'; // approver of the 办公厅 tree
const OTHER_APPROVER = 'E0005'; // approver of 发展改革委 only
const ADMIN = 'E0001';
const OTHER_STAFF = 'E0032';
const DAY = cstDay(3);
const EVE = addDays(DAY, -1);

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let rooms: Record<string, MeetingRoom>;
let sweeper: MeetingRoomsSweeper;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error', MEETING_ROOMS_SWEEP_MS: '0' });
  kit = meetingRoomsKit(t);
  rooms = await kit.rooms();
  sweeper = t.app.get(MeetingRoomsSweeper);
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => t.close());

/** The restricted 贵宾接待室 on DAY. */
const vip = (startTime: string, endTime: string, title = '接待座谈') => ({
  roomId: rooms['MC-201']!.id,
  title,
  date: DAY,
  startTime,
  endTime,
});

const decide = async (employeeNo: string, id: string, body: { approve: boolean; note?: string }) =>
  t.call(l.decide, { token: await kit.token(employeeNo), params: { id }, body });

const awaiting = async (employeeNo: string) =>
  okBody(await t.call(l.approvals, { token: await kit.token(employeeNo) })).items.map((b) => b.id);

const iso = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

describe('approval of restricted rooms', () => {
  it("asks the department's approver, who approves from their list of bookings awaiting a decision; the organizer is told", async () => {
    kit.at(EVE, '08:00');
    const pending = okBody(await kit.book(ORGANIZER, vip('10:00', '11:00')));
    // Undecided 24 h after booking (before the start) → released.
    expect(pending).toMatchObject({ status: 'pending', approvalDeadline: iso(DAY, '08:00') });
    const [asked] = await kit.notices(APPROVER, 'meeting-rooms.approval_needed');
    expect(asked!.title).toBe(`${kit.name(ORGANIZER)}预订贵宾接待室待您审批`);

    expect(await awaiting(APPROVER)).toEqual([pending.id]);
    expect(await awaiting(ADMIN)).toEqual([pending.id]);
    expect(await awaiting(OTHER_APPROVER)).toEqual([]);
    expect(await decide(OTHER_APPROVER, pending.id, { approve: true })).toMatchObject({
      status: 403,
      body: { code: 'MEETING_ROOMS_NOT_YOUR_APPROVAL' },
    });

    kit.at(EVE, '09:00');
    const approved = okBody(await decide(APPROVER, pending.id, { approve: true }));
    expect(approved).toMatchObject({ status: 'booked', decisionNote: null });
    const [told] = await kit.notices(ORGANIZER, 'meeting-rooms.booking_decided');
    expect(told).toMatchObject({ title: '会议室预订已通过' });
    expect(told!.body).toContain('贵宾接待室');
    expect(await kit.audits(pending.id, 'meeting_rooms.booking.approved')).toHaveLength(1);
    expect(await awaiting(APPROVER)).toEqual([]);
    expect(await decide(ADMIN, pending.id, { approve: false, note: '改期' })).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_NOT_PENDING' },
    });
  });

  it('a rejection needs a reason and frees the slot for the next booking', async () => {
    kit.at(DAY, '07:30');
    const pending = okBody(await kit.book(ORGANIZER, vip('14:00', '15:00')));
    const noReason = await decide(APPROVER, pending.id, { approve: false });
    expect(noReason).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ path: 'body.note', issue: '请填写驳回理由' }] },
    });
    expect(await kit.book(OTHER_STAFF, vip('14:00', '15:00'))).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_SLOT_TAKEN' },
    });

    const rejected = okBody(await decide(ADMIN, pending.id, { approve: false, note: '当天有外事接待' }));
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: '当天有外事接待' });
    const told = await kit.notices(ORGANIZER, 'meeting-rooms.booking_decided');
    expect(told.at(-1)).toMatchObject({ title: '会议室预订未通过' });
    expect(told.at(-1)!.body).toContain('审批意见：当天有外事接待');
    expect(await kit.audits(pending.id, 'meeting_rooms.booking.rejected')).toHaveLength(1);

    expect(okBody(await kit.book(OTHER_STAFF, vip('14:00', '15:00', '改约会'))).status).toBe('pending');
  });

  it('the sweeper releases bookings undecided by their deadline, which is never after the start', async () => {
    kit.at(EVE, '08:00');
    const byTtl = okBody(await kit.book(ORGANIZER, vip('16:00', '17:00')));
    kit.at(DAY, '07:00');
    const byStart = okBody(await kit.book(ORGANIZER, vip('09:00', '10:00')));
    expect(byStart.approvalDeadline).toBe(iso(DAY, '09:00'));

    expect(await sweeper.sweep(new Date(iso(DAY, '07:59')))).toEqual({ expired: 0, released: 0, erased: 0 });
    expect(await sweeper.sweep(new Date(iso(DAY, '08:00')))).toEqual({ expired: 1, released: 0, erased: 0 });
    kit.at(DAY, '08:00');
    expect(await decide(APPROVER, byTtl.id, { approve: true })).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_APPROVAL_EXPIRED' },
    });
    const told = await kit.notices(ORGANIZER, 'meeting-rooms.booking_decided');
    expect(told.at(-1)).toMatchObject({ title: '会议室预订审批超时' });
    expect(await kit.audits(byTtl.id, 'meeting_rooms.booking.approval_expired')).toHaveLength(1);
    // The slot is free again.
    expect(okBody(await kit.book(OTHER_STAFF, vip('16:00', '17:00'))).status).toBe('pending');

    expect(await sweeper.sweep(new Date(iso(DAY, '09:00')))).toEqual({ expired: 1, released: 0, erased: 0 });
    expect(await kit.audits(byStart.id, 'meeting_rooms.booking.approval_expired')).toHaveLength(1);
  });

  it('a decision after the deadline is refused even before the sweeper has run', async () => {
    kit.at(DAY, '08:10');
    const pending = okBody(await kit.book(ORGANIZER, vip('18:00', '19:00')));
    kit.at(DAY, '18:00');
    expect(await decide(APPROVER, pending.id, { approve: true })).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_APPROVAL_EXPIRED' },
    });
  });
});
