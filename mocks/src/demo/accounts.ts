import { demoDepartments } from './departments.js';
import { demoPeople } from './people.js';
import { demoGates } from './sites.js';
import { roleLabels, skillLabels } from '@dayuan/shared';
import type { DemoRole } from './types.js';

export interface DemoWechatAccount {
  openid: string;
  name: string;
  employeeNo: string;
  department: string;
  roleLabels: string[];
}

const departmentNames = new Map(demoDepartments.map((d) => [d.key, d.name]));
const gateNames = new Map(demoGates.map((g) => [g.code, g.name]));

/** `审批人（办公厅）`, `门岗（东门、北门）`, `维修技师（电工）`, `管理员`. */
export function describeDemoRole(grant: DemoRole): string {
  const label = roleLabels[grant.role];
  switch (grant.role) {
    case 'approver': {
      // An approver of a whole tree is labelled with its top department only.
      const tops = grant.departmentKeys.filter((key) => {
        const parent = demoDepartments.find((d) => d.key === key)?.parentKey;
        return !parent || !grant.departmentKeys.includes(parent);
      });
      return `${label}（${tops.map((key) => departmentNames.get(key) ?? key).join('、')}）`;
    }
    case 'guard':
      return `${label}（${grant.gateCodes.map((code) => gateNames.get(code) ?? code).join('、')}）`;
    case 'technician':
      return `${label}（${grant.skills.map((skill) => skillLabels[skill]).join('、')}）`;
    default:
      return label;
  }
}

/** The demo people who have bound WeChat, as `GET /__mock/wx/accounts` offers them to the H5 login page. */
export function demoWechatAccounts(): DemoWechatAccount[] {
  return demoPeople.flatMap((person) =>
    person.openid === null
      ? []
      : [
          {
            openid: person.openid,
            name: person.name,
            employeeNo: person.employeeNo,
            department: departmentNames.get(person.departmentKey) ?? person.departmentKey,
            roleLabels: person.roles.map(describeDemoRole),
          },
        ],
  );
}
