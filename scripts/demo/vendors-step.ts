// Demo step: the vendors the IT offices send repairs to and call for service (供应商与厂家).
// Every name, contact, address and number is invented: landlines follow the 0571-8xxx xxxx
// pattern and mobiles 138-0000-xxxx, drawn from the seeded random.
import { vendorInput } from '../../shared/contracts/vendors.js';
import { createAudit } from '../../server/core/audit.js';
import { createVendorsService } from '../../server/modules/org/vendors.service.js';
import type { DemoStep } from './context.js';
import { storyClock } from './demo-clock.js';

const DAY = 86_400_000;

interface VendorSpec {
  key: string;
  name: string;
  kinds: string[];
  /** Reached on a drawn landline and the contact's mobile. */
  contact: string;
  email: string;
  address: string;
  serviceNotes: string;
  /** When the IT office first wrote the vendor down. */
  addedDaysAgo: number;
}

export const VENDORS: VendorSpec[] = [
  {
    key: 'vendors.lenovo',
    name: '星河联想授权服务站',
    kinds: ['硬件维修'],
    contact: '刘师傅',
    email: 'lenovo-service@example.com',
    address: '星河市滨江区江南大道 1288 号科技城 2 楼',
    serviceNotes:
      '联想启天、扬天台式机和 ThinkPad 笔记本的保修服务站。保修期内免费上门或送修，报修时提供机身背面的序列号（S/N）。\n客户编号：XH-LX-0316。过保机器先检测报价，确认后再修。',
    addedDaysAgo: 900,
  },
  {
    key: 'vendors.printer',
    name: '星河办公设备维修部（惠普特约维修）',
    kinds: ['硬件维修', '耗材'],
    contact: '王师傅',
    email: 'hp-repair@example.com',
    address: '星河市西城区文化路 56 号',
    serviceNotes: '惠普激光打印机、一体机维修和硒鼓加粉。市区上门费 50 元，更换搓纸轮 120 元起，硒鼓加粉 45 元/支。',
    addedDaysAgo: 760,
  },
  {
    key: 'vendors.network',
    name: '星河网络工程有限公司',
    kinds: ['网络', '硬件维修'],
    contact: '赵工',
    email: 'support@network.example.com',
    address: '星河市高新区创新路 18 号 5 楼',
    serviceNotes:
      '华为、华三网络设备代理，校园网和公司网络的集成商。核心、汇聚交换机和无线 AP 在维保合同内：7×24 小时电话支持，故障件先行更换（RMA），次工作日到货。',
    addedDaysAgo: 1100,
  },
  {
    key: 'vendors.cctv',
    name: '星河安防科技有限公司（海康威视经销商）',
    kinds: ['安防', '硬件维修'],
    contact: '孙工',
    email: 'service@cctv.example.com',
    address: '星河市东城区建设路 201 号',
    serviceNotes: '校园监控、硬盘录像机和门禁的安装商。录像机硬盘按块报价，门禁控制器保修两年。报修请说明录像机编号和通道号。',
    addedDaysAgo: 1000,
  },
  {
    key: 'vendors.pcshop',
    name: '诚信电脑维修部',
    kinds: ['硬件维修'],
    contact: '陈老板',
    email: 'chengxin-pc@example.com',
    address: '星河市西城区电子市场 A 区 108 铺',
    serviceNotes: '过保电脑和笔记本的维修：换屏、换键盘、换电池一般当天可取；主板维修 3 到 5 天。开发票需提前说明。',
    addedDaysAgo: 640,
  },
  {
    key: 'vendors.telecom',
    name: '星河电信政企客户部',
    kinds: ['电信运营商'],
    contact: '客户经理 周经理',
    email: 'zq-service@telecom.example.com',
    address: '星河市中山路 1 号电信大楼 8 楼',
    serviceNotes: '学校 500M 和公司 300M 专线宽带。报障时提供专线编号：学校 XH-ZX-20417，公司 XH-ZX-31852。线路故障 4 小时内到场。',
    addedDaysAgo: 1200,
  },
  {
    key: 'vendors.ups',
    name: '星河电源设备有限公司（UPS 授权服务商）',
    kinds: ['硬件维修'],
    contact: '吴工',
    email: 'ups-service@example.com',
    address: '星河市高新区工业园 3 号厂房',
    serviceNotes: '机房 UPS 的年度巡检合同（每年 3 月）。电池组更换需提前 3 个工作日预约，旧电池由厂家回收。',
    addedDaysAgo: 980,
  },
  {
    key: 'vendors.copier',
    name: '星河办公设备租赁有限公司',
    kinds: ['耗材', '硬件维修'],
    contact: '郑师傅',
    email: 'rental@copier.example.com',
    address: '星河市南城区物流大道 66 号',
    serviceNotes: '教务处试卷印刷复合机的租赁方：按印量计费，含保养、维修和墨粉。故障 4 小时内响应，当天无法修复时提供备用机。',
    addedDaysAgo: 520,
  },
];

export const vendorsStep: DemoStep = {
  name: 'vendors',
  async run(ctx) {
    const clock = storyClock();
    const vendors = createVendorsService({ ...ctx.deps, clock, audit: createAudit(clock) });
    const random = ctx.random('vendors');
    const digits = (n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, '0');
    for (const spec of [...VENDORS].sort((a, b) => b.addedDaysAgo - a.addedDaysAgo)) {
      clock.set(Date.now() - spec.addedDaysAgo * DAY);
      const vendor = await vendors.create(
        ctx.actor,
        vendorInput.parse({
          name: spec.name,
          kinds: spec.kinds,
          contact: spec.contact,
          phone: `0571-8${digits(3)} ${digits(4)} / 138-0000-${digits(4)}`,
          email: spec.email,
          address: spec.address,
          serviceNotes: spec.serviceNotes,
        }),
      );
      ctx.vendors.set(spec.key, vendor.id);
    }
    ctx.summary.push(`${VENDORS.length} vendors`);
  },
};
