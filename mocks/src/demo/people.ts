import { createHash } from 'node:crypto';
import type { DemoPerson, DemoRole } from './types.js';

type PersonRow = [name: string, departmentKey: string, title: string, roles?: DemoRole[], bound?: boolean];

const officeTree = ['office', 'office-secretariat', 'office-general'];
const affairsTree = ['affairs', 'affairs-admin', 'affairs-fleet', 'affairs-logistics', 'affairs-security'];

/** Row n becomes employee `E000n`; the order is part of the demo (E0001 is the first admin). */
const rows: PersonRow[] = [
  ['王建国', 'affairs-admin', '行政处处长', [{ role: 'admin' }]],
  ['李晓明', 'info-center', '系统管理员', [{ role: 'admin' }]],
  ['张伟', 'office', '办公厅主任', [{ role: 'approver', departmentKeys: officeTree }]],
  ['刘洋', 'affairs', '机关事务管理局局长', [{ role: 'approver', departmentKeys: affairsTree }]],
  ['陈静', 'ndrc', '发展改革委副主任', [{ role: 'approver', departmentKeys: ['ndrc'] }]],
  ['杨帆', 'finance', '财政局副局长', [{ role: 'approver', departmentKeys: ['finance'] }]],
  ['赵丽华', 'hrss', '人力资源和社会保障局副局长', [{ role: 'approver', departmentKeys: ['hrss'] }]],
  ['黄志强', 'info-center', '信息中心主任', [{ role: 'approver', departmentKeys: ['info-center'] }]],
  ['周国庆', 'affairs-security', '保卫处处长'],
  ['吴海涛', 'affairs-security', '门岗保安', [{ role: 'guard', gateCodes: ['EAST'] }]],
  ['徐磊', 'affairs-security', '门岗保安', [{ role: 'guard', gateCodes: ['NORTH'] }]],
  ['孙立军', 'affairs-security', '门岗保安', [{ role: 'guard', gateCodes: ['GARAGE'] }]],
  ['马成龙', 'affairs-security', '门岗班长', [{ role: 'guard', gateCodes: ['EAST', 'NORTH'] }]],
  ['朱红梅', 'affairs-logistics', '食堂主管', [{ role: 'canteen_staff' }]],
  ['胡建华', 'affairs-logistics', '厨师长', [{ role: 'canteen_staff' }]],
  ['郭秀英', 'affairs-logistics', '食堂收银员', [{ role: 'canteen_staff' }]],
  ['何志刚', 'affairs-fleet', '车队队长', [{ role: 'fleet_manager' }]],
  ['高德明', 'affairs-fleet', '驾驶员', [{ role: 'driver' }]],
  ['林永强', 'affairs-fleet', '驾驶员', [{ role: 'driver' }]],
  ['罗振华', 'affairs-fleet', '驾驶员', [{ role: 'driver' }]],
  ['郑保平', 'affairs-fleet', '驾驶员', [{ role: 'driver' }]],
  ['梁建军', 'affairs-logistics', '电工', [{ role: 'technician', skills: ['electrical'] }]],
  ['谢春生', 'affairs-logistics', '水暖工', [{ role: 'technician', skills: ['plumbing'] }]],
  [
    '宋文斌',
    'affairs-logistics',
    '空调技师',
    [{ role: 'technician', skills: ['hvac', 'carpentry', 'general'] }],
  ],
  ['唐宇航', 'info-center', '网络工程师', [{ role: 'technician', skills: ['network'] }]],
  ['韩雪', 'affairs-admin', '会务服务员', [{ role: 'meeting_service' }]],
  ['冯婷婷', 'affairs-admin', '会务服务员', [{ role: 'meeting_service' }]],
  ['董卫东', 'affairs-logistics', '后勤服务中心主任'],
  ['萧玉兰', 'office-secretariat', '秘书处处长'],
  ['程浩', 'office-secretariat', '一级主任科员'],
  ['曹雅琴', 'office-secretariat', '科员'],
  ['袁振宇', 'office-general', '综合处处长'],
  ['邓丽', 'office-general', '四级主任科员'],
  ['许文博', 'office-general', '科员'],
  ['傅晓燕', 'affairs-admin', '行政处副处长'],
  ['沈家豪', 'affairs-admin', '科员'],
  ['曾繁荣', 'ndrc', '规划处处长'],
  ['彭思远', 'ndrc', '一级主任科员'],
  ['吕佳怡', 'ndrc', '科员'],
  ['苏明辉', 'ndrc', '科员'],
  ['卢建平', 'finance', '预算处处长'],
  ['蒋文静', 'finance', '一级主任科员'],
  ['蔡子轩', 'finance', '科员'],
  ['贾海燕', 'finance', '科员'],
  ['丁志远', 'hrss', '就业促进处处长'],
  ['魏淑芬', 'hrss', '二级主任科员'],
  ['薛浩然', 'hrss', '科员'],
  ['叶晨', 'hrss', '科员'],
  ['阎立新', 'info-center', '信息中心副主任'],
  ['余梦琪', 'info-center', '软件工程师'],
  ['潘俊杰', 'info-center', '数据分析师'],
  ['杜雨桐', 'affairs', '机关事务管理局副局长'],
  ['戴国华', 'affairs-security', '保卫处副处长'],
  ['夏欣然', 'affairs-logistics', '科员'],
  ['钟文涛', 'affairs-fleet', '车辆调度员'],
  ['汪静怡', 'office-secretariat', '科员', [], false],
  ['田宏伟', 'ndrc', '科员', [], false],
  ['任佳琪', 'finance', '科员', [], false],
  ['姜浩宇', 'hrss', '科员', [], false],
  ['范思琪', 'info-center', '科员', [], false],
];

export const demoPeople: DemoPerson[] = rows.map(
  ([name, departmentKey, title, roles = [], bound = true], index) => {
    const employeeNo = `E${String(index + 1).padStart(4, '0')}`;
    return {
      employeeNo,
      name,
      phone: `139${String(index + 1).padStart(8, '0')}`,
      departmentKey,
      title,
      roles: [...roles, { role: 'staff' }],
      openid: bound ? demoOpenid(employeeNo) : null,
    };
  },
);

/** Stable across runs so a demo account keeps its identity: `o` + 27 base64url chars, like a real openid. */
function demoOpenid(employeeNo: string): string {
  return `o${createHash('sha256').update(`dayuan-demo/${employeeNo}`).digest('base64url').slice(0, 27)}`;
}
