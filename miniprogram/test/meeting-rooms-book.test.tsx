import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Booking, MeetingRoom } from '@dayuan/shared';
import BookPage from '@/meeting-rooms/pages/book/index';
import { useSession } from '@/stores/session';
import { errorBody, me, tokens } from './fixtures';
import { taro } from './taro-fakes';
import { fakeDialogs, ok, serve } from './visitors-host-server';

const ROOM_ID = '0b6c7f5e-4a1d-4c2b-9e8f-123456789abc';
const BOOKING_ID = '1c7d8a6f-5b2e-4d3c-8f9a-23456789abcd';

const ROOM: MeetingRoom & { closures: [] } = {
  id: ROOM_ID,
  building: { id: '2d8e9b7a-6c3f-4e4d-9a0b-3456789abcde', name: '会议中心' },
  floor: 2,
  code: 'MC-202',
  name: '第三会议室',
  capacity: 30,
  equipment: ['projector'],
  restricted: false,
  openFrom: '08:00',
  openUntil: '21:00',
  maxDurationMinutes: 240,
  maxDaysAhead: 30,
  minNoticeMinutes: 30,
  closures: [],
};

function booking(): Booking {
  return {
    id: BOOKING_ID,
    status: 'booked',
    title: '周例会',
    room: { id: ROOM_ID, name: '第三会议室', building: '会议中心', floor: 2 },
    start: '2026-11-23T02:00:00.000Z',
    end: '2026-11-23T03:00:00.000Z',
    organizer: { id: 'x', name: '王小明', department: null },
    attendees: [],
    guests: [],
    services: ['tea'],
    serviceTasks: [],
    approvalDeadline: null,
    decisionNote: null,
    checkedInAt: null,
    seriesId: null,
    createdAt: '2026-11-21T00:00:00.000Z',
  };
}

let dialogs: ReturnType<typeof fakeDialogs>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-21T00:30:00.000Z'));
  dialogs = fakeDialogs();
  useSession.getState().signIn({ tokens: tokens(1), me: me(['staff']) });
  taro.useRouter.mockReturnValue({
    params: { roomId: ROOM_ID, date: '2026-11-23', start: '10:00', end: '11:00' },
  });
});

afterEach(() => {
  vi.useRealTimers();
});

function serveBooking(create: (body: unknown) => { statusCode: number; data: unknown }) {
  const sent = serve(({ method, path, body }) => {
    if (method === 'GET' && path === `/api/meeting-rooms/rooms/${ROOM_ID}`) return ok(ROOM);
    if (method === 'POST' && path === '/api/meeting-rooms/bookings') return create(body);
    return undefined;
  });
  return () => sent.filter((r) => r.method === 'POST').map((r) => r.body);
}

describe('book page', () => {
  it('books the prefilled room and time with tea, then opens the booking', async () => {
    const posted = serveBooking(() => ok(booking()));
    render(<BookPage />);
    await screen.findByText(/单次最长 4 小时/);
    expect(screen.getByText('日期：2026-11-23')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('会议主题（不超过 50 字）'), { target: { value: '周例会' } });
    fireEvent.click(screen.getByText('茶水'));
    fireEvent.click(screen.getByText('确认预订'));
    await waitFor(() =>
      expect(dialogs.redirectTo).toHaveBeenCalledWith({
        url: `/meeting-rooms/pages/booking/index?id=${BOOKING_ID}`,
      }),
    );
    expect(posted()).toEqual([
      {
        roomId: ROOM_ID,
        title: '周例会',
        date: '2026-11-23',
        startTime: '10:00',
        endTime: '11:00',
        attendeeIds: [],
        guests: [],
        services: ['tea'],
      },
    ]);
  });

  it('checks the form itself before sending: title, guest phone, end after start', async () => {
    const posted = serveBooking(() => ok(booking()));
    render(<BookPage />);
    await screen.findByText(/单次最长 4 小时/);
    fireEvent.click(screen.getByText('＋ 添加来宾'));
    fireEvent.input(screen.getByPlaceholderText('来宾姓名'), { target: { value: '钱来宾' } });
    fireEvent.input(screen.getByPlaceholderText('来宾手机号'), { target: { value: '123' } });
    fireEvent.click(screen.getByText('确认预订'));
    expect(await screen.findByText('请填写会议主题')).toBeTruthy();
    expect(screen.getByText(/手机号/, { selector: '.form-error' })).toBeTruthy();
    expect(posted()).toEqual([]);
  });

  it('names the clashing booking when the slot is taken', async () => {
    serveBooking(() =>
      errorBody('MEETING_ROOMS_SLOT_TAKEN', [
        { path: 'body.startTime', issue: '与 10:00–11:00「处务会」冲突' },
      ]),
    );
    render(<BookPage />);
    await screen.findByText(/单次最长 4 小时/);
    fireEvent.input(screen.getByPlaceholderText('会议主题（不超过 50 字）'), { target: { value: '周例会' } });
    fireEvent.click(screen.getByText('确认预订'));
    expect(
      await screen.findByText('该时段已被预订，请换个时间或会议室：与 10:00–11:00「处务会」冲突'),
    ).toBeTruthy();
    expect(screen.getByText('与 10:00–11:00「处务会」冲突', { selector: '.form-error' })).toBeTruthy();
    expect(dialogs.redirectTo).not.toHaveBeenCalled();
  });
});
