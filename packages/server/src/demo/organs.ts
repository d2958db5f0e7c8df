import type { Role } from '@xxgk/core';

/** The demo region: one district government with its agencies, and the organs of the five seed reports. */
export interface DemoOrgan {
  readonly key: string;
  readonly parent?: string;
  readonly name: string;
  readonly kind: 'government' | 'department';
  readonly code: string;
  readonly region: string;
  readonly reviewBody?: string;
  readonly court?: string;
}

export const DEMO_ORGANS: readonly DemoOrgan[] = [
  { key: 'xs', name: '淮北市相山区人民政府', kind: 'government', code: 'XS', region: '安徽省淮北市相山区' },
  {
    key: 'xsyj',
    parent: 'xs',
    name: '相山区应急管理局',
    kind: 'department',
    code: 'XSYJ',
    region: '安徽省淮北市相山区',
    reviewBody: '淮北市相山区人民政府',
    court: '淮北市相山区人民法院',
  },
  {
    key: 'xsjy',
    parent: 'xs',
    name: '相山区教育局',
    kind: 'department',
    code: 'XSJY',
    region: '安徽省淮北市相山区',
    reviewBody: '淮北市相山区人民政府',
    court: '淮北市相山区人民法院',
  },
  {
    key: 'xsrs',
    parent: 'xs',
    name: '相山区人力资源和社会保障局',
    kind: 'department',
    code: 'XSRS',
    region: '安徽省淮北市相山区',
  },
  {
    key: 'xssj',
    parent: 'xs',
    name: '相山区市场监督管理局',
    kind: 'department',
    code: 'XSSJ',
    region: '安徽省淮北市相山区',
  },
  { key: 'sc', name: '杭州市上城区人民政府', kind: 'government', code: 'SC', region: '浙江省杭州市上城区' },
  {
    key: 'scyj',
    parent: 'sc',
    name: '上城区应急管理局',
    kind: 'department',
    code: 'SCYJ',
    region: '浙江省杭州市上城区',
  },
  { key: 'hy', name: '海盐县人民政府', kind: 'government', code: 'HY', region: '浙江省嘉兴市海盐县' },
  {
    key: 'hyyj',
    parent: 'hy',
    name: '海盐县应急管理局',
    kind: 'department',
    code: 'HYYJ',
    region: '浙江省嘉兴市海盐县',
  },
  { key: 'dy', name: '大冶市人民政府', kind: 'government', code: 'DY', region: '湖北省黄石市大冶市' },
  {
    key: 'dyyj',
    parent: 'dy',
    name: '大冶市应急管理局',
    kind: 'department',
    code: 'DYYJ',
    region: '湖北省黄石市大冶市',
  },
  { key: 'wb', name: '新乡市卫滨区人民政府', kind: 'government', code: 'WB', region: '河南省新乡市卫滨区' },
  {
    key: 'wbyj',
    parent: 'wb',
    name: '卫滨区应急管理局',
    kind: 'department',
    code: 'WBYJ',
    region: '河南省新乡市卫滨区',
  },
];

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly organ: string;
  readonly role: Role;
}

/** One account of every role; all share `DEMO_PASSWORD`, printed at start. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'yj.jbr', displayName: '李经办（应急局）', organ: 'xsyj', role: 'officer' },
  { username: 'yj.shr', displayName: '张审核（应急局）', organ: 'xsyj', role: 'reviewer' },
  { username: 'yj.admin', displayName: '王管理（应急局）', organ: 'xsyj', role: 'organAdmin' },
  { username: 'jy.jbr', displayName: '陈经办（教育局）', organ: 'xsjy', role: 'officer' },
  { username: 'jy.shr', displayName: '刘审核（教育局）', organ: 'xsjy', role: 'reviewer' },
  { username: 'rs.jbr', displayName: '赵经办（人社局）', organ: 'xsrs', role: 'officer' },
  { username: 'gkb', displayName: '周公开（区政务公开办）', organ: 'xs', role: 'supervisor' },
  { username: 'admin', displayName: '系统管理员', organ: 'xs', role: 'sysAdmin' },
];

/** Printed at start and in the README; a demo only, never a real deployment's password. */
export const DEMO_PASSWORD = 'Xxgk-demo-2026';

/** The five seed reports, each imported for its organ. */
export const DEMO_SEED_REPORTS: readonly { file: string; organ: string }[] = [
  { file: '000_54f61b233950245c.txt', organ: 'xsyj' },
  { file: '001_375dbebd2ed4a6dc.txt', organ: 'scyj' },
  { file: '002_870b2d41ea6f263b.txt', organ: 'hyyj' },
  { file: '003_829a8659471e469f.txt', organ: 'dyyj' },
  { file: '004_ba7dc12538697c10.txt', organ: 'wbyj' },
];
