export interface DemoDepartment {
  key: string;
  name: string;
  parentKey: string | null;
  sortOrder: number;
}

import type { Equipment, TechnicianSkill } from '@dayuan/shared';

export type DemoRole =
  | { role: 'approver'; departmentKeys: string[] }
  | { role: 'guard'; gateCodes: string[] }
  | { role: 'technician'; skills: TechnicianSkill[] }
  | { role: 'staff' | 'admin' | 'canteen_staff' | 'driver' | 'fleet_manager' | 'meeting_service' };

export type DemoRoleName = DemoRole['role'];

export interface DemoPerson {
  employeeNo: string;
  name: string;
  /** 11 digits, unique. */
  phone: string;
  departmentKey: string;
  title: string;
  roles: DemoRole[];
  /** Null for the people who have not bound WeChat yet, to demo the bind flow. */
  openid: string | null;
}

export interface DemoGate {
  code: string;
  name: string;
  kind: 'pedestrian' | 'vehicle' | 'both';
  /** What a visit valid at this gate needs. */
  visitorPolicy: { idNumberRequired: boolean; approverRequired: boolean };
}

/** A QR scanner or plate camera at a gate. The secret signs its requests; demo values only. */
export interface DemoGateDevice {
  code: string;
  gateCode: string;
  secret: string;
}

/** What makes a room bookable for meetings: its size, equipment and booking rules (China time). */
export interface DemoMeetingRoom {
  capacity: number;
  equipment: Equipment[];
  restricted: boolean;
  openFrom: string;
  openUntil: string;
  maxDurationMinutes: number;
  maxDaysAhead: number;
  minNoticeMinutes: number;
}

export interface DemoRoom {
  code: string;
  name: string;
  floor: number;
  kind: 'office' | 'meeting' | 'canteen' | 'service';
  /** Present exactly on rooms of kind `meeting`. */
  meeting?: DemoMeetingRoom;
}

export interface DemoBuilding {
  code: string;
  name: string;
  floors: number;
  /** Gates visitors use to reach this building (codes of `DemoGate`): where meeting guests' passes work. */
  entranceGateCodes: string[];
  rooms: DemoRoom[];
}

export interface DemoCompound {
  name: string;
  departments: DemoDepartment[];
  people: DemoPerson[];
  gates: DemoGate[];
  gateDevices: DemoGateDevice[];
  buildings: DemoBuilding[];
}
