// The demo's places: the school's campus (行政楼, 教学楼, 实验楼, 图书馆, floor by floor, room by
// room) and the two floors the company rents. Keys (e.g. 'school.machineRoom') let later demo
// steps put assets, racks and seats in them.
import type { LocationInput } from '../../shared/contracts/org.js';
import { GRADES, type GradeSpec } from './org-data.js';

export interface LocationSpec {
  key?: string;
  name: string;
  kind: LocationInput['kind'];
  code?: string;
  notes?: string;
  children?: LocationSpec[];
}

type RoomSpec = [number: string, name: string, kind: LocationInput['kind'], extra?: { key?: string; notes?: string }];

function floor(building: string, level: number, rooms: RoomSpec[]): LocationSpec {
  return {
    name: `${level}楼`,
    kind: 'floor',
    code: `${building}-${level}F`,
    children: rooms.map(([no, name, kind, extra]) => ({ name, kind, code: `${building}-${no}`, ...extra })),
  };
}

/** A floor of the teaching building: one grade's classrooms, its office and a wiring closet. */
function teachingFloor(g: GradeSpec): LocationSpec {
  const rooms: RoomSpec[] = Array.from({ length: g.classes }, (_, i) => {
    const no = `${g.grade}0${i + 1}`;
    return [no, `${no}教室`, 'classroom', { key: `school.classroom.${g.key}.c${i + 1}`, notes: `${g.name}(${i + 1})班` }];
  });
  rooms.push([`${g.grade}05`, `${g.name}年级办公室`, 'office']);
  rooms.push([`${g.grade}06`, `${g.grade}楼弱电间`, 'room', { notes: '楼层接入交换机、配线架' }]);
  return floor('XH-JX', g.grade, rooms);
}

export const LOCATIONS: LocationSpec[] = [
  {
    key: 'school.campus',
    name: '星河实验中学本部校区',
    kind: 'campus',
    code: 'XH',
    children: [
      {
        key: 'school.building.admin',
        name: '行政楼',
        kind: 'building',
        code: 'XH-XZ',
        children: [
          floor('XH-XZ', 1, [
            ['101', '总务处办公室', 'office'],
            ['105', '设备仓库', 'warehouse', { key: 'school.warehouse', notes: '备用电脑、显示器、网络设备和耗材' }],
          ]),
          floor('XH-XZ', 2, [
            ['201', '校长室', 'office'],
            ['202', '副校长室', 'office'],
            ['203', '教务处办公室', 'office'],
            ['204', '政教处办公室', 'office'],
            ['206', '第一会议室', 'meeting_room', { notes: '投影仪、视频会议终端' }],
          ]),
          floor('XH-XZ', 3, [
            ['301', '信息中心办公室', 'office', { key: 'school.itOffice' }],
            [
              '302',
              '信息中心机房',
              'machine_room',
              { key: 'school.machineRoom', notes: '核心交换机、防火墙、服务器机柜 3 个、UPS 两台、精密空调' },
            ],
            ['303', '监控室', 'room', { key: 'school.cctvRoom', notes: '校园安防监控和录像存储' }],
            ['305', '第二会议室', 'meeting_room'],
          ]),
        ],
      },
      {
        key: 'school.building.teaching',
        name: '教学楼',
        kind: 'building',
        code: 'XH-JX',
        children: [
          ...GRADES.map(teachingFloor),
          floor('XH-JX', 4, [
            ['401', '阶梯教室', 'classroom', { key: 'school.lectureHall', notes: '可容纳 200 人，带扩声系统' }],
            ['402', '录播教室', 'classroom', { notes: '录播主机、跟踪摄像机' }],
          ]),
        ],
      },
      {
        key: 'school.building.lab',
        name: '实验楼',
        kind: 'building',
        code: 'XH-SY',
        children: [
          floor('XH-SY', 1, [
            ['101', '物理实验室', 'room'],
            ['102', '化学实验室', 'room'],
          ]),
          floor('XH-SY', 2, [
            ['201', '生物实验室', 'room'],
            ['202', '通用技术教室', 'classroom'],
          ]),
          floor('XH-SY', 3, [
            ['301', '计算机教室1', 'computer_lab', { key: 'school.lab1', notes: '学生机 50 台、教师机 1 台、广播教学系统' }],
            ['302', '计算机教室2', 'computer_lab', { key: 'school.lab2', notes: '学生机 45 台、教师机 1 台' }],
            ['303', '实验楼弱电间', 'room', { notes: '楼层接入交换机' }],
          ]),
        ],
      },
      {
        key: 'school.building.library',
        name: '图书馆',
        kind: 'building',
        code: 'XH-TS',
        children: [
          floor('XH-TS', 1, [
            ['101', '图书室', 'library', { key: 'school.library', notes: '开架借阅，藏书约 3 万册' }],
            ['102', '借还服务台', 'room'],
          ]),
          floor('XH-TS', 2, [
            ['201', '电子阅览室', 'computer_lab', { key: 'school.ereading', notes: '阅览机 30 台' }],
            ['202', '期刊阅览室', 'library'],
          ]),
          floor('XH-TS', 3, [
            ['301', '图书馆办公室', 'office'],
            ['302', '书库', 'warehouse', { key: 'school.stacks' }],
          ]),
        ],
      },
    ],
  },
  {
    key: 'company.campus',
    name: '星河科技园',
    kind: 'campus',
    code: 'XK',
    children: [
      {
        key: 'company.building',
        name: '星河科技大厦A座',
        kind: 'building',
        code: 'XK-A',
        notes: '公司租用 12、13 层',
        children: [
          floor('XK-A', 12, [
            ['1201', '前台', 'other'],
            ['1202', '总经理办公室', 'office'],
            ['1203', '行政部办公室', 'office'],
            ['1205', '财务部办公室', 'office', { notes: '财务专用打印机、保险柜' }],
            ['1208', '大会议室', 'meeting_room', { key: 'company.meetingRoom', notes: '可容纳 20 人，视频会议终端' }],
            ['1209', '小会议室', 'meeting_room'],
          ]),
          floor('XK-A', 13, [
            ['1301', '研发部开放办公区', 'office', { key: 'company.rdOffice' }],
            ['1302', '销售部办公室', 'office'],
            ['1303', 'IT部办公室', 'office', { key: 'company.itOffice' }],
            ['1305', '网络机房', 'machine_room', { key: 'company.serverRoom', notes: '机柜 2 个：核心交换机、防火墙、NAS、UPS' }],
            ['1306', '设备库房', 'warehouse', { key: 'company.warehouse' }],
            ['1307', '洽谈室', 'meeting_room'],
          ]),
        ],
      },
    ],
  },
];
