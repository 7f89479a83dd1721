import { demoDepartments } from './departments.js';
import { demoPeople } from './people.js';
import { demoBuildings, demoGateDevices, demoGates } from './sites.js';
import type { DemoCompound, DemoRoleName } from './types.js';

export type * from './types.js';
export { demoWechatAccounts, describeDemoRole, type DemoWechatAccount } from './accounts.js';

/** The deterministic demo compound: the server seeds it, the WeChat mock offers its accounts. */
export const demoCompound: DemoCompound = {
  name: '市级机关大院',
  departments: demoDepartments,
  people: demoPeople,
  gates: demoGates,
  gateDevices: demoGateDevices,
  buildings: demoBuildings,
};

/** One person to log in as per role, all bound to WeChat. */
export const demoLogins: Record<DemoRoleName, string> = {
  admin: 'E0001',
  approver: 'E0003',
  guard: 'E0010',
  canteen_staff: 'E0014',
  fleet_manager: 'E0017',
  driver: 'E0018',
  technician: 'E0022',
  meeting_service: 'E0026',
  staff: 'E0030',
};
