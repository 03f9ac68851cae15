// The fictional organisations of the demo: 星河实验中学 (a secondary school with its
// information centre) and 星河科技有限公司 (a small company). Every name is invented; mail goes
// to example domains. Keys (e.g. 'school.it.network') let later demo steps find what was created.
export interface StaffSpec {
  position: string;
  count?: number;
  /** This person heads the department it is listed in. */
  head?: boolean;
  /** Other departments (by key) this person also heads, e.g. the principal heads the school. */
  alsoHeads?: string[];
  /** Key under which later steps find this person; with a count, key.1, key.2, ... */
  key?: string;
  status?: 'left';
  notes?: string;
}

export interface StudentsSpec {
  count: [min: number, max: number];
  /** Student numbers are this prefix plus a two-digit sequence, e.g. 2026010107. */
  numberPrefix: string;
  status?: 'graduated';
  notes?: string;
}

export interface DepartmentSpec {
  key: string;
  name: string;
  notes?: string;
  staff?: StaffSpec[];
  students?: StudentsSpec;
  /** The teacher (by person key) who heads a class as its 班主任. */
  headKey?: string;
  children?: DepartmentSpec[];
}

export interface OrganisationSpec {
  root: DepartmentSpec;
  /** Department codes: the root's code, children append two digits (10, 1001, 100101). */
  code: string;
  emailDomain: string;
  studentEmailDomain?: string;
  /** Employee numbers: prefix plus a running number from firstNumber. */
  staffNumberPrefix: string;
  firstNumber: number;
}

/** The school year the data describes (2026–2027): 高一 entered in 2026. */
export const SCHOOL_YEAR = 2026;

export interface GradeSpec {
  key: string;
  name: string;
  grade: number;
  classes: number;
  /** Subject teachers after the 年级组长; the first ones are 班主任 of classes 1, 2, ... */
  teachers: string[];
}

export const GRADES: GradeSpec[] = [
  {
    key: 'g1',
    name: '高一',
    grade: 1,
    classes: 3,
    teachers: ['语文教师', '数学教师', '英语教师', '物理教师', '化学教师', '生物教师', '信息技术教师', '体育教师', '音乐教师'],
  },
  {
    key: 'g2',
    name: '高二',
    grade: 2,
    classes: 3,
    teachers: ['数学教师', '英语教师', '语文教师', '物理教师', '历史教师', '地理教师', '政治教师', '美术教师'],
  },
  {
    key: 'g3',
    name: '高三',
    grade: 3,
    classes: 2,
    teachers: ['英语教师', '语文教师', '数学教师', '化学教师', '生物教师', '历史教师', '体育教师', '信息技术教师'],
  },
];

export const CLASS_SIZE: [number, number] = [15, 20];

function gradeDepartment(g: GradeSpec): DepartmentSpec {
  const enrolYear = SCHOOL_YEAR - g.grade + 1;
  const className = (n: number) => `${g.name}(${n})班`;
  const teachers: StaffSpec[] = g.teachers.map((position, i) => ({
    position,
    key: `school.${g.key}.t${i + 1}`,
    ...(i < g.classes ? { notes: `${className(i + 1)}班主任` } : {}),
  }));
  // One teacher of the first grade left last summer: the directory keeps people who left.
  if (g.grade === 1) teachers.push({ position: '数学教师', status: 'left', notes: `${SCHOOL_YEAR}年7月离职` });
  return {
    key: `school.${g.key}`,
    name: `${g.name}年级组`,
    notes: `${enrolYear}级，${g.classes} 个班`,
    staff: [{ position: '年级组长', head: true, key: `school.${g.key}.lead` }, ...teachers],
    children: Array.from({ length: g.classes }, (_, i) => ({
      key: `school.${g.key}.c${i + 1}`,
      name: className(i + 1),
      headKey: `school.${g.key}.t${i + 1}`,
      students: { count: CLASS_SIZE, numberPrefix: `${enrolYear}${String(i + 1).padStart(2, '0')}` },
    })),
  };
}

export const SCHOOL: OrganisationSpec = {
  code: '10',
  emailDomain: 'example.edu.cn',
  studentEmailDomain: 'stu.example.edu.cn',
  staffNumberPrefix: 'T',
  firstNumber: 1001,
  root: {
    key: 'school',
    name: '星河实验中学',
    notes: '示例学校：完全虚构的演示数据',
    children: [
      {
        key: 'school.office',
        name: '校长办公室',
        staff: [
          { position: '校长', key: 'school.principal', alsoHeads: ['school'] },
          { position: '副校长', count: 2 },
          { position: '办公室主任', head: true },
          { position: '办公室干事', count: 2 },
        ],
      },
      {
        key: 'school.academic',
        name: '教务处',
        staff: [{ position: '教务主任', head: true }, { position: '教务副主任' }, { position: '教务干事', count: 2 }],
      },
      {
        key: 'school.student',
        name: '政教处',
        staff: [{ position: '政教主任', head: true }, { position: '政教干事' }, { position: '心理教师' }],
      },
      {
        key: 'school.it',
        name: '信息中心',
        notes: '负责校园网、服务器、机房、计算机教室和多媒体设备',
        staff: [{ position: '信息中心主任', head: true, key: 'school.it.director' }],
        children: [
          {
            key: 'school.it.network',
            name: '网络组',
            staff: [
              { position: '网络组组长', head: true, key: 'school.it.network.lead' },
              { position: '网络管理员', count: 2, key: 'school.it.network.admin' },
              { position: '网络管理员', status: 'left', notes: `${SCHOOL_YEAR - 1}年12月离职` },
            ],
          },
          {
            key: 'school.it.systems',
            name: '系统组',
            staff: [
              { position: '系统组组长', head: true, key: 'school.it.systems.lead' },
              { position: '系统管理员', count: 2, key: 'school.it.systems.admin' },
              { position: '桌面运维工程师', key: 'school.it.desktop' },
            ],
          },
        ],
      },
      {
        key: 'school.library',
        name: '图书馆',
        staff: [
          { position: '图书馆馆长', head: true, key: 'school.library.head' },
          { position: '图书管理员', count: 3, key: 'school.library.staff' },
        ],
      },
      {
        key: 'school.general',
        name: '总务处',
        staff: [
          { position: '总务主任', head: true },
          { position: '后勤干事', count: 2 },
          { position: '仓库管理员', key: 'school.general.storekeeper' },
          { position: '电工' },
        ],
      },
      ...GRADES.map(gradeDepartment),
      {
        key: 'school.alumni',
        name: '往届毕业生',
        notes: '已毕业学生的档案，保留借阅和设备领用记录',
        students: { count: [8, 8], numberPrefix: `${SCHOOL_YEAR - 3}09`, status: 'graduated', notes: `${SCHOOL_YEAR}届毕业生` },
      },
    ],
  },
};

export const COMPANY: OrganisationSpec = {
  code: '20',
  emailDomain: 'example.com',
  staffNumberPrefix: 'XK',
  firstNumber: 1,
  root: {
    key: 'company',
    name: '星河科技有限公司',
    notes: '示例公司：完全虚构的演示数据',
    children: [
      {
        key: 'company.ceo',
        name: '总经理办公室',
        staff: [
          { position: '总经理', head: true, key: 'company.ceo', alsoHeads: ['company'] },
          { position: '副总经理' },
          { position: '总经理助理' },
        ],
      },
      {
        key: 'company.admin',
        name: '行政部',
        staff: [
          { position: '行政经理', head: true },
          { position: '行政专员', count: 2 },
          { position: '前台' },
          { position: '行政专员', status: 'left', notes: `${SCHOOL_YEAR}年3月离职` },
        ],
      },
      {
        key: 'company.finance',
        name: '财务部',
        staff: [{ position: '财务经理', head: true }, { position: '会计', count: 2 }, { position: '出纳' }],
      },
      {
        key: 'company.rd',
        name: '研发部',
        staff: [{ position: '研发总监', head: true }],
        children: [
          {
            key: 'company.rd.platform',
            name: '平台开发组',
            staff: [
              { position: '开发组长', head: true },
              { position: '软件工程师', count: 5 },
              { position: '软件工程师', status: 'left', notes: `${SCHOOL_YEAR}年5月离职` },
            ],
          },
          {
            key: 'company.rd.qa',
            name: '测试组',
            staff: [
              { position: '测试组长', head: true },
              { position: '测试工程师', count: 2 },
            ],
          },
        ],
      },
      {
        key: 'company.sales',
        name: '销售部',
        staff: [
          { position: '销售总监', head: true },
          { position: '销售经理', count: 2 },
          { position: '销售代表', count: 5 },
          { position: '销售代表', status: 'left', notes: `${SCHOOL_YEAR}年8月离职` },
        ],
      },
      {
        key: 'company.it',
        name: 'IT部',
        staff: [
          { position: 'IT经理', head: true, key: 'company.it.manager' },
          { position: '网络管理员', key: 'company.it.network' },
          { position: '系统管理员', key: 'company.it.systems' },
          { position: '桌面支持工程师', key: 'company.it.desktop' },
        ],
      },
    ],
  },
};

export const ORGANISATIONS = [SCHOOL, COMPANY];

// ---- dictionaries (user-defined, beside the ones modules declare) ----

export interface DictionarySpec {
  code: string;
  name: string;
  description: string;
  items: { label: string; value: string }[];
}

export const DICTIONARIES: DictionarySpec[] = [
  {
    code: 'hardware_brand',
    name: '资产品牌',
    description: '电脑、网络、打印和安防设备的常见品牌',
    items: [
      { label: '联想', value: 'lenovo' },
      { label: '戴尔', value: 'dell' },
      { label: '惠普', value: 'hp' },
      { label: '华为', value: 'huawei' },
      { label: '华三', value: 'h3c' },
      { label: '锐捷', value: 'ruijie' },
      { label: '海康威视', value: 'hikvision' },
      { label: '大华', value: 'dahua' },
      { label: '爱普生', value: 'epson' },
      { label: '兄弟', value: 'brother' },
      { label: 'TP-LINK', value: 'tplink' },
      { label: '苹果', value: 'apple' },
    ],
  },
  {
    code: 'purchase_method',
    name: '采购方式',
    description: '资产的来源',
    items: [
      { label: '政府采购', value: 'government' },
      { label: '自行采购', value: 'self' },
      { label: '捐赠', value: 'donation' },
      { label: '调拨', value: 'transfer' },
      { label: '租赁', value: 'lease' },
    ],
  },
];
