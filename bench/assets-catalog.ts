// What the bench ledger is made of: per default category, the brands and models an IT office
// really buys, their price range, and the custom field values each model carries. Weights are
// a school or company of a few thousand people: desktops and monitors dominate.
import type { Asset } from '../shared/contracts/assets.js';

type Custom = Asset['custom'];

export interface Model {
  brand: string;
  model: string;
  /** The asset name as a ledger writes it, e.g. 联想启天M428台式机. */
  name: string;
  /** Serial number prefix the manufacturer uses. */
  serial: string;
}

export interface CatalogEntry {
  /** A default category's name (server/modules/assets/categories.defaults.ts). */
  category: string;
  weight: number;
  models: Model[];
  /** Price range in yuan. */
  price: [number, number];
  /** Share of these assets with an IP address. */
  ip: number;
  mac: boolean;
  /** Personal devices have a holder while in use; the others sit in a room. */
  personal: boolean;
  warrantyYears: number;
  custom(pick: <T>(list: readonly T[]) => T, ip: () => string): Custom;
}

const m = (brand: string, model: string, kind: string, serial: string, cnBrand = brand): Model => ({
  brand,
  model,
  name: `${cnBrand}${model}${kind}`,
  serial,
});

const CPUS = ['Intel i5-10500', 'Intel i5-12500', 'Intel i7-12700', 'Intel i3-10100', '龙芯3A5000', '兆芯KX-6640MA', 'AMD R5 5600G'];
const OS = ['Windows 10 专业版', 'Windows 11 专业版', 'Windows 7 旗舰版', '统信UOS 20', '银河麒麟V10'];
const DISKS = ['256G SSD', '512G SSD', '512G SSD + 1T HDD', '1T HDD', '1T SSD'];

export const CATALOG: CatalogEntry[] = [
  {
    category: '台式机',
    weight: 30,
    models: [
      m('联想', '启天M428', '台式机', 'PC0'),
      m('联想', '启天M437', '台式机', 'PC1'),
      m('联想', '扬天M4000q', '台式机', 'PC2'),
      m('联想', 'ThinkCentre M720t', '台式机', 'MJ0'),
      m('联想', 'ThinkCentre M930t', '台式机', 'MJ1'),
      m('戴尔', 'OptiPlex 7090', '台式机', 'D7'),
      m('戴尔', '成就3690', '台式机', 'D3'),
      m('惠普', 'ProDesk 400 G7', '台式机', 'CN4'),
      m('惠普', '战66台式机', '', 'CN6'),
      m('华为', '擎云B730', '台式机', 'HW7'),
    ],
    price: [3800, 7500],
    ip: 0.3,
    mac: true,
    personal: true,
    warrantyYears: 3,
    custom: (pick) => ({ cpu: pick(CPUS), memory_gb: pick([8, 8, 16, 16, 32]), disk: pick(DISKS), os: pick(OS) }),
  },
  {
    category: '笔记本',
    weight: 12,
    models: [
      m('联想', 'ThinkPad E14', '笔记本', 'PF0'),
      m('联想', 'ThinkPad X1 Carbon', '笔记本', 'PF1'),
      m('联想', '小新Pro14', '笔记本', 'PF2'),
      m('戴尔', 'Latitude 5420', '笔记本', 'DL5'),
      m('惠普', 'ProBook 440 G8', '笔记本', 'CND'),
      m('华为', 'MateBook 14', '笔记本', 'HWM'),
      m('Apple', 'MacBook Air M2', '', 'C02', '苹果'),
    ],
    price: [4500, 12000],
    ip: 0.05,
    mac: true,
    personal: true,
    warrantyYears: 2,
    custom: (pick) => ({ cpu: pick(CPUS), memory_gb: pick([8, 16, 16, 32]), disk: pick(DISKS), os: pick(OS) }),
  },
  {
    category: '显示器',
    weight: 14,
    models: [
      m('戴尔', 'P2422H', '显示器', 'CN0'),
      m('联想', 'ThinkVision T24i', '显示器', 'V90'),
      m('飞利浦', '242E1', '显示器', 'UK0'),
      m('AOC', '24B2XH', '显示器', 'AOC'),
      m('三星', 'S24R350', '显示器', 'SMS'),
    ],
    price: [700, 1800],
    ip: 0,
    mac: false,
    personal: true,
    warrantyYears: 3,
    custom: (pick) => ({ size_inch: pick([21.5, 23.8, 23.8, 27]) }),
  },
  {
    category: '打印机',
    weight: 7,
    models: [
      m('惠普', 'LaserJet Pro M404dn', '打印机', 'PHB'),
      m('惠普', 'LaserJet MFP M227fdw', '多功能打印机', 'CNB'),
      m('兄弟', 'HL-L2350DW', '打印机', 'E78'),
      m('佳能', 'iR2206', '复合机', 'XQK'),
      m('爱普生', 'L3258', '喷墨打印机', 'X8G'),
      m('奔图', 'P3301DN', '打印机', 'PT3'),
    ],
    price: [1200, 6000],
    ip: 0.6,
    mac: true,
    personal: false,
    warrantyYears: 1,
    custom: (pick) => ({
      print_type: pick(['激光', '激光', '喷墨']),
      functions: pick([['双面', '网络'], ['双面'], ['扫描', '复印', '双面', '网络'], ['彩色', '网络']]),
      toner_model: pick(['CF277A', 'CF230A', 'TN-2425', 'NPG-59', 'T03Y', 'PD-300']),
    }),
  },
  {
    category: '复印机',
    weight: 1.5,
    models: [
      m('柯尼卡美能达', 'bizhub 266', '复印机', 'A7R'),
      m('理光', 'MP 2555SP', '复印机', 'C78'),
      m('夏普', 'MX-M3158U', '复印机', 'SH3'),
    ],
    price: [9000, 25000],
    ip: 0.8,
    mac: true,
    personal: false,
    warrantyYears: 1,
    custom: (pick) => ({ toner_model: pick(['TN118', 'MP2554C', 'MX-315CT']) }),
  },
  {
    category: '交换机',
    weight: 4,
    models: [
      m('华为', 'S5735-L48T4X-A1', '交换机', '2102'),
      m('华为', 'S1730S-L24T-A', '交换机', '2103'),
      m('华三', 'S5130S-28S-EI', '交换机', '219801'),
      m('锐捷', 'RG-S2928G-E V3', '交换机', 'G1L'),
      m('TP-LINK', 'TL-SG1024DT', '交换机', 'TPL'),
    ],
    price: [800, 18000],
    ip: 1,
    mac: true,
    personal: false,
    warrantyYears: 3,
    custom: (pick, ip) => ({
      mgmt_ip: ip(),
      ports: pick([24, 24, 48, 28]),
      firmware: pick(['V200R021C00', 'V200R022C00', 'R6615P08', '11.4(1)B74']),
      managed: pick(['是', '是', '否']),
    }),
  },
  {
    category: '路由器',
    weight: 0.5,
    models: [m('华为', 'AR6140', '路由器', '2104'), m('华三', 'MSR3610', '路由器', '219802')],
    price: [6000, 30000],
    ip: 1,
    mac: true,
    personal: false,
    warrantyYears: 3,
    custom: (pick, ip) => ({ mgmt_ip: ip(), ports: pick([8, 12]), firmware: pick(['V300R021C10', 'R0707P12']) }),
  },
  {
    category: '防火墙',
    weight: 0.3,
    models: [
      m('深信服', 'AF-1000', '下一代防火墙', 'SF1'),
      m('华为', 'USG6525E', '防火墙', '2105'),
      m('奇安信', 'NSG3000', '防火墙', 'QAX'),
    ],
    price: [25000, 90000],
    ip: 1,
    mac: true,
    personal: false,
    warrantyYears: 3,
    custom: (pick, ip) => ({ mgmt_ip: ip(), firmware: pick(['AF8.0.47', 'V600R007C20']), license_end: pick(['2027-06-30', '2026-12-31']) }),
  },
  {
    category: '无线AP',
    weight: 5,
    models: [
      m('华为', 'AirEngine 5761-11', '无线AP', '2106'),
      m('锐捷', 'RG-AP720-L', '无线AP', 'G1M'),
      m('华三', 'WA6320', '无线AP', '219803'),
    ],
    price: [600, 2500],
    ip: 1,
    mac: true,
    personal: false,
    warrantyYears: 3,
    custom: (pick, ip) => ({ mgmt_ip: ip(), firmware: pick(['V200R022C10', 'AP_RGOS 11.9']) }),
  },
  {
    category: '服务器',
    weight: 2,
    models: [
      m('戴尔', 'PowerEdge R740', '服务器', 'SVC'),
      m('华为', 'FusionServer 2288H V5', '服务器', '2107'),
      m('浪潮', 'NF5280M6', '服务器', 'INS'),
      m('联想', 'ThinkSystem SR650', '服务器', 'J30'),
    ],
    price: [28000, 120000],
    ip: 1,
    mac: true,
    personal: false,
    warrantyYears: 5,
    custom: (pick, ip) => ({
      cpu: pick(['Xeon Silver 4210R ×2', 'Xeon Gold 6330 ×2', '鲲鹏920 ×2']),
      memory_gb: pick([64, 128, 256]),
      disk: pick(['2×480G SSD + 6×4T SAS', '4×1.92T SSD', '2×960G SSD']),
      os: pick(['CentOS 7.9', 'Windows Server 2019', '银河麒麟服务器V10', 'VMware ESXi 7.0']),
      rack_unit: `${pick(['A', 'B', 'C'])}0${pick([1, 2, 3])}-U${pick([4, 8, 12, 16, 20, 24])}`,
      bmc_ip: ip(),
    }),
  },
  {
    category: 'UPS',
    weight: 1,
    models: [m('山特', 'C3K', 'UPS电源', 'SNT'), m('山特', '3C20KS', 'UPS电源', 'SNU'), m('华为', 'UPS2000-A-3KTTL', 'UPS电源', '2108')],
    price: [3000, 30000],
    ip: 0.2,
    mac: false,
    personal: false,
    warrantyYears: 2,
    custom: (pick) => ({ capacity_va: pick([1000, 3000, 6000, 20000]) }),
  },
  {
    category: '投影仪',
    weight: 4,
    models: [m('爱普生', 'CB-X06', '投影仪', 'X4Z'), m('明基', 'E520', '投影仪', 'PDB'), m('索尼', 'VPL-EX435', '投影仪', 'SNY')],
    price: [3000, 9000],
    ip: 0,
    mac: false,
    personal: false,
    warrantyYears: 2,
    custom: (pick) => ({ lamp_hours: pick([300, 1200, 2600, 4100]) }),
  },
  {
    category: '大屏显示',
    weight: 2,
    models: [m('希沃', 'C86EB', '交互智能平板', 'SW8'), m('鸿合', 'HD-I8677E', '交互智能平板', 'HH8')],
    price: [12000, 26000],
    ip: 0.5,
    mac: true,
    personal: false,
    warrantyYears: 3,
    custom: (pick) => ({ size_inch: pick([75, 86]) }),
  },
  {
    category: '网络硬盘录像机',
    weight: 0.8,
    models: [m('海康威视', 'DS-8864N-R8', '网络硬盘录像机', 'DS8'), m('大华', 'DH-NVR5864', '网络硬盘录像机', 'DH5')],
    price: [6000, 20000],
    ip: 1,
    mac: true,
    personal: false,
    warrantyYears: 3,
    custom: (pick, ip) => ({ channels: pick([32, 64]), disk_tb: pick([16, 32, 64]), mgmt_ip: ip() }),
  },
  {
    category: '门禁设备',
    weight: 1,
    models: [m('海康威视', 'DS-K1T671M', '人脸识别门禁', 'DSK'), m('中控', 'ZK-F18', '指纹门禁', 'ZKF')],
    price: [800, 3500],
    ip: 1,
    mac: true,
    personal: false,
    warrantyYears: 2,
    custom: (_pick, ip) => ({ mgmt_ip: ip() }),
  },
  {
    category: '存储设备',
    weight: 0.5,
    models: [
      m('群晖', 'DS920+', '网络存储', 'SYN'),
      m('华为', 'OceanStor 5310', '存储', '2109'),
      m('威联通', 'TS-464C', '网络存储', 'QNP'),
    ],
    price: [5000, 150000],
    ip: 1,
    mac: true,
    personal: false,
    warrantyYears: 3,
    custom: (pick, ip) => ({ capacity_tb: pick([16, 32, 96]), mgmt_ip: ip() }),
  },
  {
    category: '移动存储',
    weight: 2,
    models: [
      m('闪迪', 'CZ73 64G', 'U盘', 'SDC'),
      m('金士顿', 'DTX 128G', 'U盘', 'KNG'),
      m('西部数据', 'My Passport 2TB', '移动硬盘', 'WXB'),
    ],
    price: [50, 600],
    ip: 0,
    mac: false,
    personal: true,
    warrantyYears: 1,
    custom: (pick) => ({ capacity_gb: pick([64, 128, 2000]), encrypted: pick(['是', '否']) }),
  },
  {
    category: '其他',
    weight: 1.5,
    models: [
      m('海康威视', 'DS-2CD3T46', '网络摄像机', 'DSC'),
      m('罗技', 'CC3500e', '会议摄像头', 'LGT'),
      m('得力', '9917', '碎纸机', 'DL9'),
      m('霍尼韦尔', '1900GSR', '扫码枪', 'HNW'),
    ],
    price: [200, 4000],
    ip: 0.3,
    mac: false,
    personal: false,
    warrantyYears: 1,
    custom: () => ({}),
  },
];

export const SUPPLIERS = [
  '北京中关村科技发展有限公司',
  '神州数码集团股份有限公司',
  '联想（北京）有限公司',
  '京东企业购',
  '华为技术有限公司',
  '浙江宇视科技有限公司',
  '上海晨光科力普办公用品有限公司',
  '广州佳电信息科技有限公司',
  '苏宁易购政企',
  '本地经销商（星光电脑城）',
];

export const NOTES = [
  '政府采购项目',
  '随教学楼改造项目采购',
  '原信息中心调拨',
  '捐赠',
  '已加装内存',
  '更换过硬盘',
  '键盘鼠标另行登记',
  '电源适配器缺失',
  '放在机柜内',
  '借用需登记',
];

/** Status mix of a ledger in service: mostly 在用. */
export const STATUS_MIX: [status: Asset['status'], weight: number][] = [
  ['in_use', 76],
  ['in_stock', 7],
  ['idle', 5],
  ['on_loan', 2],
  ['under_repair', 2],
  ['retired', 5],
  ['disposed', 3],
];
