import { describe, expect, it } from 'vitest';
import type { MeetingRoom } from '@dayuan/shared';
import {
  byBuilding,
  checkClosure,
  checkRoom,
  closureInput,
  draftOfRoom,
  emptyRoomDraft,
  roomFormErrors,
  roomInput,
  shanghaiInstant,
  splitDataUrl,
} from '@/meeting-rooms/room-form';

const BUILDING = '0b6c7f5e-4a1d-4c2b-9e8f-123456789abc';

const room: MeetingRoom = {
  id: '7d1f0c2a-1111-4222-8333-444455556666',
  building: { id: BUILDING, name: '1号楼' },
  floor: 3,
  code: '301',
  name: '第一会议室',
  capacity: 12,
  equipment: ['projector', 'whiteboard'],
  restricted: true,
  openFrom: '08:00',
  openUntil: '20:30',
  maxDurationMinutes: 240,
  maxDaysAhead: 14,
  minNoticeMinutes: 30,
};

describe('room form', () => {
  it('round-trips a room through the form into the body', () => {
    const checked = checkRoom(draftOfRoom(room));
    expect(checked).toEqual({
      body: {
        buildingId: BUILDING,
        floor: 3,
        code: '301',
        name: '第一会议室',
        capacity: 12,
        equipment: ['projector', 'whiteboard'],
        restricted: true,
        openFrom: '08:00',
        openUntil: '20:30',
        maxDurationMinutes: 240,
        maxDaysAhead: 14,
        minNoticeMinutes: 30,
      },
    });
  });

  it('keeps numbers typed as text, trimmed, and leaves non-numbers for the schema to name', () => {
    const input = roomInput({ ...draftOfRoom(room), capacity: ' 20 ', floor: 'abc' });
    expect(input.capacity).toBe(20);
    expect(input.floor).toBe('abc');
  });

  it('puts problems next to their fields', () => {
    const checked = checkRoom({
      ...emptyRoomDraft(BUILDING),
      code: 'B 12',
      name: ' ',
      capacity: '0',
      openFrom: '18:00',
      openUntil: '09:00',
    });
    expect('errors' in checked && checked.errors.fields).toMatchObject({
      code: '房间号应为 1–20 位字母、数字或连字符',
      name: '请填写会议室名称',
      capacity: '容纳人数至少为 1',
    });
    const missing = checkRoom({ ...emptyRoomDraft(), code: '301', name: '新会议室' });
    expect('errors' in missing && Object.keys(missing.errors.fields)).toEqual(['buildingId']);
  });

  it('checks open hours once the rest is valid', () => {
    const checked = checkRoom({
      ...emptyRoomDraft(BUILDING),
      code: '301',
      name: '新会议室',
      openFrom: '18:00',
      openUntil: '09:00',
    });
    expect('errors' in checked && checked.errors.fields.openUntil).toBe('关闭时间须晚于开放时间');
  });

  it('sorts server details by field', () => {
    expect(
      roomFormErrors([
        { path: 'body.capacity', issue: '太多' },
        { path: 'body.equipment.2', issue: '未知设备' },
        { path: 'body', issue: '别的' },
      ]),
    ).toEqual({ fields: { capacity: '太多', equipment: '未知设备' }, other: ['别的'] });
  });
});

describe('closure form', () => {
  it('reads date and time on the compound clock', () => {
    expect(shanghaiInstant('2026-11-21', '09:30')).toBe('2026-11-21T09:30:00+08:00');
    expect(
      closureInput({
        startDate: '2026-11-21',
        startTime: '09:00',
        endDate: '2026-11-22',
        endTime: '18:00',
        reason: '检修',
      }),
    ).toEqual({ start: '2026-11-21T09:00:00+08:00', end: '2026-11-22T18:00:00+08:00', reason: '检修' });
  });

  it('wants a reason and an end after the start', () => {
    const checked = checkClosure({
      startDate: '2026-11-21',
      startTime: '18:00',
      endDate: '2026-11-21',
      endTime: '09:00',
      reason: '设备检修',
    });
    expect('errors' in checked && checked.errors.fields).toEqual({ end: '结束须晚于开始' });
    const noReason = checkClosure({
      startDate: '2026-11-21',
      startTime: '09:00',
      endDate: '2026-11-21',
      endTime: '18:00',
      reason: ' ',
    });
    expect('errors' in noReason && noReason.errors.fields).toEqual({ reason: '请填写停用原因' });
  });
});

describe('admin helpers', () => {
  it('splits a data URL for the file system', () => {
    expect(splitDataUrl('data:image/png;base64,iVBORw0KGgo=')).toEqual({
      ext: 'png',
      base64: 'iVBORw0KGgo=',
    });
    expect(splitDataUrl('data:image/jpeg;base64,AAAA')).toEqual({ ext: 'jpg', base64: 'AAAA' });
    expect(splitDataUrl('https://example.test/a.png')).toBeNull();
  });

  it('groups rooms by building in list order', () => {
    const other = { ...room, id: 'b', building: { id: 'x', name: '2号楼' } };
    const groups = byBuilding([room, other, { ...room, id: 'c' }]);
    expect(groups.map((g) => [g.name, g.rooms.map((r) => r.id)])).toEqual([
      ['1号楼', [room.id, 'c']],
      ['2号楼', ['b']],
    ]);
  });
});
