import type { DemoBuilding, DemoGate, DemoGateDevice, DemoMeetingRoom } from './types.js';

export const demoGates: DemoGate[] = [
  {
    code: 'EAST',
    name: '东门',
    kind: 'pedestrian',
    visitorPolicy: { idNumberRequired: false, approverRequired: false },
  },
  {
    code: 'NORTH',
    name: '北门',
    kind: 'both',
    visitorPolicy: { idNumberRequired: true, approverRequired: false },
  },
  {
    code: 'GARAGE',
    name: '地下车库入口',
    kind: 'vehicle',
    visitorPolicy: { idNumberRequired: false, approverRequired: true },
  },
];

const device = (gateCode: string, kind: 'qr1' | 'lpr1'): DemoGateDevice => ({
  code: `${gateCode}-${kind.toUpperCase()}`,
  gateCode,
  secret: `demo-device-secret-${gateCode.toLowerCase()}-${kind}-0000000000`,
});

/** A QR scanner at every gate, a plate camera where cars pass. */
export const demoGateDevices: DemoGateDevice[] = [
  ...demoGates.map((gate) => device(gate.code, 'qr1')),
  ...demoGates.filter((gate) => gate.kind !== 'pedestrian').map((gate) => device(gate.code, 'lpr1')),
];

/** Office hours, up to 4 h, booked up to 30 days ahead and at least 30 min before. */
const meeting = (
  capacity: number,
  equipment: DemoMeetingRoom['equipment'],
  rules: Partial<DemoMeetingRoom> = {},
): DemoMeetingRoom => ({
  capacity,
  equipment,
  restricted: false,
  openFrom: '08:00',
  openUntil: '21:00',
  maxDurationMinutes: 240,
  maxDaysAhead: 30,
  minNoticeMinutes: 30,
  ...rules,
});

export const demoBuildings: DemoBuilding[] = [
  {
    code: 'B1',
    name: '1号办公楼',
    floors: 6,
    entranceGateCodes: ['EAST', 'NORTH'],
    rooms: [
      { code: 'B1-101', name: '办公厅秘书处', floor: 1, kind: 'office' },
      { code: 'B1-102', name: '一楼服务台', floor: 1, kind: 'service' },
      { code: 'B1-201', name: '办公厅综合处', floor: 2, kind: 'office' },
      {
        code: 'B1-202',
        name: '第一会议室',
        floor: 2,
        kind: 'meeting',
        meeting: meeting(20, ['projector', 'whiteboard', 'microphone']),
      },
      { code: 'B1-301', name: '发展改革委办公室', floor: 3, kind: 'office' },
      {
        code: 'B1-302',
        name: '第二会议室',
        floor: 3,
        kind: 'meeting',
        meeting: meeting(16, ['screen', 'whiteboard', 'phone']),
      },
      { code: 'B1-401', name: '财政局办公室', floor: 4, kind: 'office' },
      { code: 'B1-402', name: '小会议室', floor: 4, kind: 'meeting', meeting: meeting(8, ['screen']) },
      { code: 'B1-501', name: '人力资源和社会保障局办公室', floor: 5, kind: 'office' },
      { code: 'B1-601', name: '信息中心办公室', floor: 6, kind: 'office' },
      { code: 'B1-602', name: '信息中心机房', floor: 6, kind: 'service' },
      {
        code: 'B1-603',
        name: '视频会商室',
        floor: 6,
        kind: 'meeting',
        meeting: meeting(12, ['video_conference', 'screen', 'microphone', 'phone']),
      },
    ],
  },
  {
    code: 'B2',
    name: '2号楼',
    floors: 3,
    entranceGateCodes: ['EAST', 'NORTH'],
    rooms: [
      { code: 'B2-101', name: '职工食堂', floor: 1, kind: 'canteen' },
      { code: 'B2-102', name: '食堂后厨', floor: 1, kind: 'service' },
      { code: 'B2-103', name: '保卫处值班室', floor: 1, kind: 'office' },
      { code: 'B2-201', name: '二楼自助餐厅', floor: 2, kind: 'canteen' },
      { code: 'B2-202', name: '机关事务管理局行政处', floor: 2, kind: 'office' },
      { code: 'B2-203', name: '车队调度室', floor: 2, kind: 'office' },
      { code: 'B2-301', name: '后勤服务中心', floor: 3, kind: 'office' },
      { code: 'B2-302', name: '维修工具间', floor: 3, kind: 'service' },
    ],
  },
  {
    code: 'MC',
    name: '会议中心',
    floors: 2,
    entranceGateCodes: ['EAST'],
    rooms: [
      {
        code: 'MC-101',
        name: '多功能厅',
        floor: 1,
        kind: 'meeting',
        meeting: meeting(120, ['projector', 'microphone', 'video_conference'], { maxDurationMinutes: 480 }),
      },
      {
        code: 'MC-102',
        name: '报告厅',
        floor: 1,
        kind: 'meeting',
        meeting: meeting(300, ['projector', 'microphone'], {
          maxDurationMinutes: 480,
          minNoticeMinutes: 1440,
        }),
      },
      { code: 'MC-103', name: '会务服务间', floor: 1, kind: 'service' },
      {
        code: 'MC-201',
        name: '贵宾接待室',
        floor: 2,
        kind: 'meeting',
        meeting: meeting(10, ['screen'], { restricted: true }),
      },
      {
        code: 'MC-202',
        name: '第三会议室',
        floor: 2,
        kind: 'meeting',
        meeting: meeting(30, ['projector', 'whiteboard', 'microphone']),
      },
    ],
  },
];
