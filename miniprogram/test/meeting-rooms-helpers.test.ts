import { describe, expect, it } from 'vitest';
import { bookingActions } from '@/meeting-rooms/booking-actions';
import {
  checkBooking,
  checkSeries,
  defaultRepeat,
  emptyGuest,
  formErrors,
  seriesInput,
  type BookDraft,
} from '@/meeting-rooms/booking-form';
import { bookUrl } from '@/meeting-rooms/links';
import { roomIdOfScene } from '@/meeting-rooms/scene';
import { percent } from '@/meeting-rooms/status';
import { clockOf, formatDuration, formatSlot, toClock, toMinutes } from '@/meeting-rooms/time';
import {
  busyOnDay,
  clockAt,
  firstFree,
  hourCells,
  hourMarks,
  isFree,
  placeBlock,
} from '@/meeting-rooms/timeline';

const ROOM = '0b6c7f5e-4a1d-4c2b-9e8f-123456789abc';
const PERSON = '7d1f0c2a-1111-4222-8333-444455556666';

const draft = (patch: Partial<BookDraft> = {}): BookDraft => ({
  roomId: ROOM,
  title: '周例会',
  date: '2026-11-23',
  startTime: '09:00',
  endTime: '10:00',
  attendees: [{ id: PERSON, name: '邓丽' }],
  guests: [],
  services: [],
  repeat: null,
  ...patch,
});

describe('meeting-room times', () => {
  it('converts clock times and formats slots on the compound clock', () => {
    expect(toMinutes('09:30')).toBe(570);
    expect(toClock(570)).toBe('09:30');
    expect(toClock(24 * 60 + 5)).toBe('23:59');
    expect(clockOf('2026-11-21T01:30:00.000Z')).toBe('09:30');
    expect(formatSlot('2026-11-21T01:00:00.000Z', '2026-11-21T02:30:00.000Z')).toBe('11月21日 09:00–10:30');
    expect(formatDuration(90)).toBe('1 小时 30 分钟');
    expect(formatDuration(120)).toBe('2 小时');
    expect(formatDuration(45)).toBe('45 分钟');
    expect(percent(0.1234)).toBe('12.3%');
  });
});

describe('timeline layout', () => {
  const day = '2026-11-21';
  const slots = [
    { start: '2026-11-21T02:00:00.000Z', end: '2026-11-21T03:00:00.000Z' }, // 10:00–11:00
    { start: '2026-11-20T23:00:00.000Z', end: '2026-11-21T01:00:00.000Z' }, // 07:00–09:00
    { start: '2026-11-21T15:00:00.000Z', end: '2026-11-21T17:00:00.000Z' }, // 23:00–次日 01:00
  ];

  it('turns bookings into busy minutes of the day, clipped at midnight, sorted', () => {
    expect(busyOnDay(slots, day)).toEqual([
      { from: 420, to: 540 },
      { from: 600, to: 660 },
      { from: 1380, to: 1440 },
    ]);
  });

  it('places blocks in percent of the open hours and drops what lies outside', () => {
    expect(placeBlock({ from: 600, to: 660 }, '08:00', '18:00')).toEqual({ left: 20, width: 10 });
    expect(placeBlock({ from: 420, to: 540 }, '08:00', '18:00')).toEqual({ left: 0, width: 10 });
    expect(placeBlock({ from: 1380, to: 1440 }, '08:00', '18:00')).toBeNull();
  });

  it('marks hours and cuts the bar into tappable hour cells', () => {
    expect(hourMarks('08:00', '18:00').map((m) => m.label)).toEqual(['08', '10', '12', '14', '16', '18']);
    const cells = hourCells('08:30', '11:00');
    expect(cells.map((c) => c.clock)).toEqual(['08:30', '09:00', '10:00']);
    expect(cells[0]).toEqual({ clock: '08:30', left: 0, width: 20 });
    expect(clockAt(0.5, '08:00', '18:00')).toBe('13:00');
    expect(clockAt(1, '08:00', '18:00')).toBe('17:30');
  });

  it('finds the first free slot at or after a time and checks a range', () => {
    const busy = busyOnDay(slots, day);
    expect(firstFree(busy, '08:00', '18:00', 0)).toEqual({ startTime: '09:00', endTime: '10:00' });
    expect(firstFree(busy, '08:00', '18:00', 575, 60)).toEqual({ startTime: '11:00', endTime: '12:00' });
    expect(firstFree(busy, '08:00', '18:00', 17 * 60 + 10, 60)).toBeNull();
    expect(isFree(busy, '09:00', '10:00')).toBe(true);
    expect(isFree(busy, '09:30', '10:30')).toBe(false);
  });
});

describe('door-code scene', () => {
  it('accepts a UUID or its 32 hex digits, URL-encoded or not', () => {
    expect(roomIdOfScene(ROOM)).toBe(ROOM);
    expect(roomIdOfScene(ROOM.replace(/-/g, ''))).toBe(ROOM);
    expect(roomIdOfScene(ROOM.replace(/-/g, '').toUpperCase())).toBe(ROOM);
    expect(roomIdOfScene(encodeURIComponent(ROOM))).toBe(ROOM);
    expect(roomIdOfScene('room-202')).toBeNull();
    expect(roomIdOfScene('%E0%A4%A')).toBeNull();
    expect(roomIdOfScene(undefined)).toBeNull();
  });
});

describe('booking form', () => {
  it('sends the single booking in the contract shape', () => {
    const checked = checkBooking(
      draft({
        guests: [{ ...emptyGuest(0), name: '钱来宾', phone: ' 13911112222 ', company: '' }],
        services: ['tea'],
      }),
    );
    expect(checked).toEqual({
      body: {
        roomId: ROOM,
        title: '周例会',
        date: '2026-11-23',
        startTime: '09:00',
        endTime: '10:00',
        attendeeIds: [PERSON],
        guests: [{ name: '钱来宾', phone: '13911112222' }],
        services: ['tea'],
      },
    });
  });

  it('puts problems next to their fields, the client’s and the server’s', () => {
    const checked = checkBooking(
      draft({ title: ' ', endTime: '08:00', guests: [{ ...emptyGuest(0), name: '钱来宾', phone: '123' }] }),
    );
    expect('errors' in checked && checked.errors.fields).toMatchObject({
      title: '请填写会议主题',
      endTime: '结束时间须晚于开始时间',
      'guests.0.phone': expect.any(String),
    });
    expect(
      formErrors([
        { path: 'body.startTime', issue: '与 09:00–10:00「周例会」冲突' },
        { path: 'body.attendeeIds.0', issue: '参会人不存在' },
        { path: 'body.firstDate', issue: '太远' },
        { path: 'params.id', issue: '别的' },
      ]),
    ).toEqual({
      fields: { startTime: '与 09:00–10:00「周例会」冲突', attendeeIds: '参会人不存在', date: '太远' },
      other: ['别的'],
    });
  });

  it('turns a repeat into a series body: weekly days sorted, one of until and count', () => {
    const repeat = { ...defaultRepeat('2026-11-23'), weekdays: [3, 1] };
    expect(defaultRepeat('2026-11-23').weekdays).toEqual([1]); // a Monday
    expect(seriesInput(draft(), repeat)).toMatchObject({
      firstDate: '2026-11-23',
      frequency: 'weekly',
      weekdays: [1, 3],
      count: 4,
      until: undefined,
    });
    const daily = checkSeries(draft(), {
      ...repeat,
      frequency: 'daily',
      endBy: 'until',
      until: '2026-11-27',
    });
    expect('body' in daily && daily.body).toMatchObject({ weekdays: [], until: '2026-11-27' });
    expect('body' in daily && 'date' in daily.body).toBe(false);
    const none = checkSeries(draft(), { ...repeat, weekdays: [] });
    expect('errors' in none && none.errors.fields.weekdays).toBe('请选择每周的哪几天');
  });

  it('links to the book page with the room, day and times', () => {
    expect(bookUrl(ROOM, '2026-11-23', '09:00', '10:00')).toBe(
      `/meeting-rooms/pages/book/index?roomId=${ROOM}&date=2026-11-23&start=09:00&end=10:00`,
    );
  });
});

describe('booking actions', () => {
  const booking = {
    status: 'booked' as const,
    start: '2026-11-21T02:00:00.000Z',
    end: '2026-11-21T03:00:00.000Z',
    organizer: { id: 'me', name: '程浩', department: null },
    attendees: [{ id: 'att', name: '邓丽' }],
  };
  const at = (iso: string) => Date.parse(iso);
  const me = { id: 'me', isAdmin: false };

  it('offers check-in from 5 min before to 10 min after the start, to organizer and attendees', () => {
    expect(bookingActions(booking, me, at('2026-11-21T01:54:00.000Z')).checkIn).toBe(false);
    expect(bookingActions(booking, me, at('2026-11-21T01:56:00.000Z')).checkIn).toBe(true);
    expect(
      bookingActions(booking, { id: 'att', isAdmin: false }, at('2026-11-21T02:09:00.000Z')).checkIn,
    ).toBe(true);
    expect(bookingActions(booking, me, at('2026-11-21T02:11:00.000Z')).checkIn).toBe(false);
    expect(bookingActions(booking, { id: 'x', isAdmin: false }, at('2026-11-21T02:00:00.000Z')).checkIn).toBe(
      false,
    );
  });

  it('lets the organizer or an admin cancel, move, extend and end by state', () => {
    const before = at('2026-11-21T01:00:00.000Z');
    expect(bookingActions(booking, me, before)).toEqual({
      checkIn: false,
      end: false,
      extend: true,
      cancel: true,
      move: true,
    });
    expect(bookingActions(booking, { id: 'att', isAdmin: false }, before).cancel).toBe(false);
    expect(bookingActions(booking, { id: 'boss', isAdmin: true }, before).cancel).toBe(true);
    const running = bookingActions({ ...booking, status: 'checked_in' }, me, at('2026-11-21T02:30:00.000Z'));
    expect(running).toMatchObject({ end: true, extend: true, cancel: false, move: false });
    expect(bookingActions({ ...booking, status: 'cancelled' }, me, before)).toEqual({
      checkIn: false,
      end: false,
      extend: false,
      cancel: false,
      move: false,
    });
  });
});
