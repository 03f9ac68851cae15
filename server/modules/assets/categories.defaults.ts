// The categories a new ledger starts with (the device kinds the seeds list), with the custom
// fields an administrator records for each. Created once; afterwards they are the user's to edit.
import type { CustomFieldDef } from '../../../shared/contracts/assets.js';

type Def = Omit<CustomFieldDef, 'options' | 'required' | 'unit'> & Partial<Pick<CustomFieldDef, 'options' | 'required' | 'unit'>>;
const f = (d: Def): CustomFieldDef => ({ options: [], required: false, unit: '', ...d });

const cpu = f({ key: 'cpu', label: 'CPU', type: 'text' });
const memory = f({ key: 'memory_gb', label: '内存', type: 'number', unit: 'GB' });
const disk = f({ key: 'disk', label: '硬盘', type: 'text' });
const os = f({ key: 'os', label: '操作系统', type: 'text' });
const ports = f({ key: 'ports', label: '端口数', type: 'number' });
const firmware = f({ key: 'firmware', label: '固件版本', type: 'text' });
const mgmtIp = f({ key: 'mgmt_ip', label: '管理地址', type: 'ip' });

export interface DefaultCategory {
  name: string;
  code: string;
  lifeMonths: number;
  fields: CustomFieldDef[];
}

export const DEFAULT_CATEGORIES: DefaultCategory[] = [
  {
    name: '服务器',
    code: 'SRV',
    lifeMonths: 60,
    fields: [
      cpu,
      memory,
      disk,
      os,
      f({ key: 'rack_unit', label: '机柜位置', type: 'text' }),
      f({ key: 'bmc_ip', label: '带外管理地址', type: 'ip' }),
    ],
  },
  { name: '台式机', code: 'PC', lifeMonths: 60, fields: [cpu, memory, disk, os] },
  { name: '笔记本', code: 'NB', lifeMonths: 48, fields: [cpu, memory, disk, os] },
  { name: '显示器', code: 'MON', lifeMonths: 60, fields: [f({ key: 'size_inch', label: '尺寸', type: 'number', unit: '英寸' })] },
  {
    name: '打印机',
    code: 'PRN',
    lifeMonths: 60,
    fields: [
      f({ key: 'print_type', label: '类型', type: 'select', options: ['激光', '喷墨', '针式', '热敏'] }),
      f({ key: 'functions', label: '功能', type: 'multiselect', options: ['彩色', '双面', '扫描', '复印', '网络'] }),
      f({ key: 'toner_model', label: '耗材型号', type: 'text' }),
    ],
  },
  { name: '复印机', code: 'CPY', lifeMonths: 60, fields: [f({ key: 'toner_model', label: '耗材型号', type: 'text' })] },
  { name: '路由器', code: 'RT', lifeMonths: 60, fields: [mgmtIp, ports, firmware] },
  {
    name: '交换机',
    code: 'SW',
    lifeMonths: 60,
    fields: [mgmtIp, ports, firmware, f({ key: 'managed', label: '网管型', type: 'select', options: ['是', '否'] })],
  },
  { name: '防火墙', code: 'FW', lifeMonths: 60, fields: [mgmtIp, firmware, f({ key: 'license_end', label: '授权到期', type: 'date' })] },
  { name: '无线AP', code: 'AP', lifeMonths: 60, fields: [mgmtIp, firmware] },
  {
    name: 'UPS',
    code: 'UPS',
    lifeMonths: 72,
    fields: [
      f({ key: 'capacity_va', label: '容量', type: 'number', unit: 'VA' }),
      f({ key: 'battery_date', label: '电池更换日期', type: 'date' }),
    ],
  },
  { name: '投影仪', code: 'PJ', lifeMonths: 60, fields: [f({ key: 'lamp_hours', label: '灯泡使用时长', type: 'number', unit: '小时' })] },
  { name: '大屏显示', code: 'LED', lifeMonths: 60, fields: [f({ key: 'size_inch', label: '尺寸', type: 'number', unit: '英寸' })] },
  {
    name: '网络硬盘录像机',
    code: 'NVR',
    lifeMonths: 60,
    fields: [
      f({ key: 'channels', label: '通道数', type: 'number' }),
      f({ key: 'disk_tb', label: '硬盘容量', type: 'number', unit: 'TB' }),
      mgmtIp,
    ],
  },
  { name: '程控交换机', code: 'PBX', lifeMonths: 96, fields: [f({ key: 'extensions', label: '分机数', type: 'number' })] },
  { name: '门禁设备', code: 'ACS', lifeMonths: 60, fields: [mgmtIp] },
  { name: '存储设备', code: 'STO', lifeMonths: 60, fields: [f({ key: 'capacity_tb', label: '容量', type: 'number', unit: 'TB' }), mgmtIp] },
  {
    name: '移动存储',
    code: 'USB',
    lifeMonths: 36,
    fields: [
      f({ key: 'capacity_gb', label: '容量', type: 'number', unit: 'GB' }),
      f({ key: 'encrypted', label: '加密', type: 'select', options: ['是', '否'] }),
    ],
  },
  { name: '其他', code: 'OTH', lifeMonths: 60, fields: [] },
];
/** Fixed-asset practice for electronic equipment: 5% residual value. */
export const DEFAULT_RESIDUAL_RATE = 5;
