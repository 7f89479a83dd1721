import { z } from 'zod';
import { route } from '../common/route.js';
import { ClockTimeSchema, IdSchema, IsoDateTimeSchema } from '../common/schemas.js';

export const Equipment = z.enum([
  'projector',
  'screen',
  'whiteboard',
  'video_conference',
  'phone',
  'microphone',
]);
export type Equipment = z.infer<typeof Equipment>;

export const equipmentLabels: Record<Equipment, string> = {
  projector: '投影仪',
  screen: '大屏电视',
  whiteboard: '白板',
  video_conference: '视频会议',
  phone: '会议电话',
  microphone: '话筒',
};

/** `projector,whiteboard` in a query string, or the parameter repeated. */
export const EquipmentQuerySchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
  z.array(Equipment).max(Equipment.options.length),
);

/** A meeting room and its booking rules; the physical room is in the compound's room list. */
export const MeetingRoomSchema = z.object({
  id: z.string(),
  building: z.object({ id: z.string(), name: z.string() }),
  floor: z.number().int(),
  code: z.string(),
  name: z.string(),
  capacity: z.number().int(),
  equipment: z.array(Equipment),
  /** Bookings wait for an approver (they hold the slot meanwhile). */
  restricted: z.boolean(),
  /** Daily open hours, China Standard Time. */
  openFrom: ClockTimeSchema,
  openUntil: ClockTimeSchema,
  maxDurationMinutes: z.number().int(),
  maxDaysAhead: z.number().int(),
  minNoticeMinutes: z.number().int(),
});
export type MeetingRoom = z.infer<typeof MeetingRoomSchema>;

/** A period a room cannot be booked (maintenance, a VIP event). */
export const ClosureSchema = z.object({
  id: z.string(),
  roomId: z.string(),
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema,
  reason: z.string(),
});
export type Closure = z.infer<typeof ClosureSchema>;

export const MeetingRoomDetailSchema = MeetingRoomSchema.extend({
  /** Closures not over yet. */
  closures: z.array(ClosureSchema),
});

export const MeetingRoomBodySchema = z
  .strictObject({
    buildingId: IdSchema,
    floor: z.number().int().min(1, { message: '楼层从 1 开始' }).max(200),
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,20}$/, { message: '房间号应为 1–20 位字母、数字或连字符' }),
    name: z
      .string()
      .trim()
      .min(1, { message: '请填写会议室名称' })
      .max(30, { message: '名称不能超过 30 个字' }),
    capacity: z.number().int().min(1, { message: '容纳人数至少为 1' }).max(2000),
    equipment: z.array(Equipment).max(Equipment.options.length).default([]),
    restricted: z.boolean().default(false),
    openFrom: ClockTimeSchema,
    openUntil: ClockTimeSchema,
    maxDurationMinutes: z.number().int().min(15).max(1440),
    maxDaysAhead: z.number().int().min(0).max(365),
    minNoticeMinutes: z.number().int().min(0).max(10_080),
  })
  .refine((b) => b.openUntil > b.openFrom, {
    path: ['openUntil'],
    message: '关闭时间须晚于开放时间',
  });

export const ClosureBodySchema = z
  .strictObject({
    start: IsoDateTimeSchema,
    end: IsoDateTimeSchema,
    reason: z.string().trim().min(2, { message: '请填写停用原因' }).max(100),
  })
  .refine((b) => Date.parse(b.end) > Date.parse(b.start), { path: ['end'], message: '结束须晚于开始' });

export const RoomListQuerySchema = z.strictObject({
  buildingId: IdSchema.optional(),
  minCapacity: z.coerce.number().int().min(1).max(2000).optional(),
  equipment: EquipmentQuerySchema.optional(),
});

const HEX32 = /^[0-9a-f]{32}$/i;

/**
 * A room's door-code scene: its id without dashes. WeChat scenes hold at most 32 characters, a UUID with
 * dashes has 36; the room page resolves either form with `GET /api/meeting-rooms/rooms/:id`.
 */
export function roomScene(roomId: string): string {
  return roomId.replace(/-/g, '').toLowerCase();
}

/** A room id from a UUID or its 32-hex door-code scene. */
export function roomIdOf(ref: string): string {
  if (!HEX32.test(ref)) return ref;
  const h = ref.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The mini-program page a door code opens, with the room's scene. */
export const ROOM_PAGE = 'meeting-rooms/pages/room/index';

export const DoorCodeSchema = z.object({
  page: z.string(),
  scene: z.string(),
  /** `data:image/png;base64,…`: the mini-program code to print at the door. */
  image: z.string(),
});

const roomErrors = [
  'MEETING_ROOMS_BUILDING_NOT_FOUND',
  'MEETING_ROOMS_FLOOR_INVALID',
  'MEETING_ROOMS_CODE_TAKEN',
] as const;

export const meetingRoomRoutes = {
  list: route({
    method: 'GET',
    path: '/api/meeting-rooms/rooms',
    summary: 'Meeting rooms, by building and floor, filtered by capacity and equipment',
    tag: 'meeting-rooms',
    access: 'user',
    query: RoomListQuerySchema,
    res: z.object({ items: z.array(MeetingRoomSchema) }),
    errors: [],
  }),
  get: route({
    method: 'GET',
    path: '/api/meeting-rooms/rooms/:id',
    summary: 'One meeting room with its rules and coming closures (by id or door-code scene)',
    tag: 'meeting-rooms',
    access: 'user',
    params: z.object({
      id: z.union([IdSchema, z.string().regex(HEX32)], { message: '编号格式不正确' }),
    }),
    res: MeetingRoomDetailSchema,
    errors: ['MEETING_ROOMS_NOT_FOUND'],
  }),
  create: route({
    method: 'POST',
    path: '/api/meeting-rooms/rooms',
    summary: 'Add a meeting room (admin)',
    tag: 'meeting-rooms',
    access: ['admin'],
    body: MeetingRoomBodySchema,
    res: MeetingRoomSchema,
    errors: roomErrors,
  }),
  update: route({
    method: 'PUT',
    path: '/api/meeting-rooms/rooms/:id',
    summary: 'Change a meeting room and its rules (admin); existing bookings stay',
    tag: 'meeting-rooms',
    access: ['admin'],
    body: MeetingRoomBodySchema,
    res: MeetingRoomSchema,
    errors: ['MEETING_ROOMS_NOT_FOUND', ...roomErrors],
  }),
  addClosure: route({
    method: 'POST',
    path: '/api/meeting-rooms/rooms/:id/closures',
    summary: 'Close a room for a period (admin); refused while bookings hold part of it',
    tag: 'meeting-rooms',
    access: ['admin'],
    body: ClosureBodySchema,
    res: ClosureSchema,
    errors: ['MEETING_ROOMS_NOT_FOUND', 'MEETING_ROOMS_CLOSURE_CONFLICT'],
  }),
  doorCode: route({
    method: 'GET',
    path: '/api/meeting-rooms/rooms/:id/door-code',
    summary: 'The mini-program code to print at the room door: opens the room page (admin)',
    tag: 'meeting-rooms',
    access: ['admin'],
    res: DoorCodeSchema,
    errors: ['MEETING_ROOMS_NOT_FOUND', 'UPSTREAM_UNAVAILABLE'],
  }),
  removeClosure: route({
    method: 'DELETE',
    path: '/api/meeting-rooms/closures/:id',
    summary: 'Reopen a room: remove a closure (admin)',
    tag: 'meeting-rooms',
    access: ['admin'],
    res: z.object({ ok: z.literal(true) }),
    errors: ['MEETING_ROOMS_CLOSURE_NOT_FOUND'],
  }),
};
