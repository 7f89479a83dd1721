import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeetingRoom } from '@dayuan/shared';
import AdminPage from '@/meeting-rooms/pages/admin/index';
import { useSession } from '@/stores/session';
import { errorBody, me, tokens } from './fixtures';
import { taro } from './taro-fakes';
import { fakeDialogs, ok, serve } from './visitors-host-server';

const ROOM_ID = '0b6c7f5e-4a1d-4c2b-9e8f-123456789abc';
const CLOSURE_ID = '1c7d8a6f-5b2e-4d3c-8f9a-23456789abcd';

const ROOM: MeetingRoom = {
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
};

const CLOSURE = {
  id: CLOSURE_ID,
  roomId: ROOM_ID,
  start: '2026-11-23T01:00:00.000Z',
  end: '2026-11-23T03:00:00.000Z',
  reason: '设备检修',
};

let dialogs: ReturnType<typeof fakeDialogs>;

beforeEach(() => {
  dialogs = fakeDialogs();
  useSession.getState().signIn({ tokens: tokens(1), me: me(['admin']) });
});

describe('会议室管理', () => {
  it('lists rooms by building with their rules', async () => {
    taro.useRouter.mockReturnValue({ params: {} });
    serve(({ method, path }) =>
      method === 'GET' && path === '/api/meeting-rooms/rooms'
        ? ok({ items: [ROOM, { ...ROOM, id: 'x', name: '贵宾接待室', restricted: true }] })
        : undefined,
    );
    render(<AdminPage />);
    expect(await screen.findByText('会议中心')).toBeTruthy();
    expect(screen.getByText(/第三会议室/)).toBeTruthy();
    expect(screen.getAllByText(/30 人 · 开放 08:00–21:00 · 投影仪/)).toHaveLength(2);
    expect(screen.getAllByText('需审批')).toHaveLength(1);
  });

  it('saves a room’s rules and shows the server’s field errors next to the fields', async () => {
    taro.useRouter.mockReturnValue({ params: { id: ROOM_ID } });
    let refuse = true;
    const sent = serve(({ method, path }) => {
      if (method === 'GET' && path === `/api/meeting-rooms/rooms/${ROOM_ID}`) {
        return ok({ ...ROOM, closures: [] });
      }
      if (method === 'PUT' && path === `/api/meeting-rooms/rooms/${ROOM_ID}`) {
        if (refuse) {
          refuse = false;
          return errorBody('VALIDATION_FAILED', [{ path: 'body.name', issue: '名称已被使用' }]);
        }
        return ok({ ...ROOM, capacity: 40 });
      }
      return undefined;
    });
    render(<AdminPage />);
    const capacity = await screen.findByPlaceholderText('人数');
    fireEvent.input(capacity, { target: { value: '40' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('名称已被使用', { selector: '.form-error' })).toBeTruthy();
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(2));
    expect(sent.find((r) => r.method === 'PUT')!.body).toEqual({
      buildingId: ROOM.building.id,
      floor: 2,
      code: 'MC-202',
      name: '第三会议室',
      capacity: 40,
      equipment: ['projector'],
      restricted: false,
      openFrom: '08:00',
      openUntil: '21:00',
      maxDurationMinutes: 240,
      maxDaysAhead: 30,
      minNoticeMinutes: 30,
    });
  });

  it('shows the bookings in the way of a closure, and removes a closure after confirming', async () => {
    taro.useRouter.mockReturnValue({ params: { id: ROOM_ID } });
    const sent = serve(({ method, path }) => {
      if (method === 'GET' && path === `/api/meeting-rooms/rooms/${ROOM_ID}`) {
        return ok({ ...ROOM, closures: [CLOSURE] });
      }
      if (method === 'POST' && path === `/api/meeting-rooms/rooms/${ROOM_ID}/closures`) {
        return errorBody('MEETING_ROOMS_CLOSURE_CONFLICT', [
          { path: 'body', issue: '11月23日 09:00–10:00「处务会」（王小明）' },
        ]);
      }
      if (method === 'DELETE' && path === `/api/meeting-rooms/closures/${CLOSURE_ID}`) {
        return ok({ ok: true });
      }
      return undefined;
    });
    render(<AdminPage />);
    fireEvent.click(await screen.findByText('停用'));
    expect(screen.getByText('设备检修')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('停用原因（如 设备检修）'), {
      target: { value: '领导视察' },
    });
    fireEvent.click(screen.getByText('停用该时段'));
    expect(await screen.findByText('11月23日 09:00–10:00「处务会」（王小明）')).toBeTruthy();
    fireEvent.click(screen.getByText('删除'));
    await waitFor(() => expect(sent.some((r) => r.method === 'DELETE')).toBe(true));
    expect(dialogs.showModal).toHaveBeenCalled();
  });

  it('shows the door code with its caption and, on H5, a hint instead of 保存图片', async () => {
    taro.useRouter.mockReturnValue({ params: { id: ROOM_ID } });
    serve(({ method, path }) => {
      if (method === 'GET' && path === `/api/meeting-rooms/rooms/${ROOM_ID}`) {
        return ok({ ...ROOM, closures: [] });
      }
      if (method === 'GET' && path === `/api/meeting-rooms/rooms/${ROOM_ID}/door-code`) {
        return ok({
          page: 'meeting-rooms/pages/room/index',
          scene: 'abc',
          image: 'data:image/png;base64,AAAA',
        });
      }
      return undefined;
    });
    render(<AdminPage />);
    fireEvent.click(await screen.findByText('门牌码'));
    expect(await screen.findByText('扫码签到 / 预订')).toBeTruthy();
    expect(screen.getByText('会议中心 第三会议室')).toBeTruthy();
    expect(screen.queryByText('保存图片')).toBeNull();
  });

  it('refuses people who are not admins', async () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me(['staff']) });
    taro.useRouter.mockReturnValue({ params: {} });
    render(<AdminPage />);
    expect(await screen.findByText('仅管理员可管理会议室')).toBeTruthy();
  });
});
