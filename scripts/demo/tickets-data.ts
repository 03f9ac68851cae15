// The faults and tasks an IT office of a school or a small company really gets (打印机卡纸,
// 上不了网, 投影仪无信号, 服务器磁盘满 ...), each as a story the tickets step plays through the
// services: who reports it and about which device, what the technician finds, and how it ends
// (fixed on the spot, waiting for parts, sent to a vendor, decided by a leader).
// {place} and {device} in the reports become the location and the device's name.
import type { TicketPriority } from '../../shared/contracts/tickets.js';
import type { Role } from '../../server/core/permissions.js';
import type { Random } from './random.js';

export type Org = 'school' | 'company';
/** Values of the ticket category dictionary (the tickets module declares it). */
export type Category = 'hardware' | 'os' | 'software' | 'network' | 'printing' | 'email' | 'server' | 'security' | 'other';

export interface Outcome {
  weight?: number;
  cause: string;
  solution: string;
  result: string;
  prevention: string;
  /** Hands-on working minutes, when this ending takes longer than the story's usual. */
  work?: [number, number];
  /** Stops for a while (working days) before the work goes on. */
  wait?: { for: 'parts' | 'reporter' | 'other'; reason: string; days: [number, number]; resume: string };
  /**
   * Sent to a vendor (a key of VENDORS, {n} in the RMA number becomes digits); the device goes to
   * 维修中 until it comes back, unless the vendor works on site.
   */
  repair?: {
    vendor: string;
    rma: string;
    costYuan: [number, number];
    days: [number, number];
    notes: string;
    back: string;
    onSite?: boolean;
  };
  /** Needs a leader's decision (money, downtime) before the work goes on. */
  escalate?: { reason: string; decision: string };
  /** The technician's internal note while working. */
  note?: string;
}

/** The ticket's title, its description, and the indexes of the outcomes it can end with (default: any). */
export type Report = [title: string, description: string, outcomes?: number[]];

export interface Story {
  key: string;
  orgs: Org[];
  kind?: 'task';
  category: Category;
  /** How often it happens, relative to the others of the organisation. */
  weight: number;
  /** More frequent at the start of a term, or only in the weeks before exams. */
  season?: 'termStart' | 'exams';
  /** What reporters say; each report fits all endings unless it names the ones it fits. */
  reports: Report[];
  /**
   * The device it is about: asset categories, a name pattern, where it is (location keys);
   * held: a device someone holds (and reports about).
   */
  device?: { categories: string[]; name?: RegExp; in?: string[]; held?: boolean };
  /** Without a device: locations (keys or unique room names) per organisation; default the reporter's office. */
  places?: Partial<Record<Org, string[]>>;
  /** Who reports it when the device is nobody's in particular: a position (信息技术教师 for the labs). */
  reportedBy?: RegExp;
  /** Raised by the monitoring: nobody reported it, the technician registered the alert. */
  monitor?: boolean;
  priority?: Partial<Record<TicketPriority, number>>;
  important?: number;
  /** Usual hands-on working minutes. */
  work: [number, number];
  /** The technician's first public answer. */
  replies?: string[];
  outcomes: Outcome[];
  /** What the reporter says when it comes back. */
  reopen?: string;
}

const SCHOOL: Org[] = ['school'];
const COMPANY: Org[] = ['company'];
const BOTH: Org[] = ['school', 'company'];
const OFFICE_PC = ['台式机', '笔记本'];

export const STORIES: Story[] = [
  {
    key: 'printer-jam',
    orgs: BOTH,
    category: 'printing',
    weight: 10,
    reports: [
      ['{place}打印机卡纸', '打印机一直提示卡纸，打开前盖看不到纸，急着打材料。'],
      ['打印机卡纸，取不出来', '打印到一半卡纸了，纸撕断在里面，不敢再拽。', [0]],
      ['{place}打印机不进纸', '放了纸但是打印机不进纸，一直提示“纸盒 2 缺纸”。', [1]],
    ],
    device: { categories: ['打印机'] },
    work: [10, 40],
    replies: ['收到，先别硬拽纸，我十分钟后过去。', '好的，马上过来处理。'],
    outcomes: [
      {
        weight: 5,
        cause: '定影组件入口处残留撕碎的纸片，传感器一直检测到有纸。',
        solution: '关机后拆下后盖和定影组件入口导板，取出残留纸片，清洁进纸传感器。',
        result: '连续打印 30 页测试正常，不再报卡纸。',
        prevention: '提醒老师卡纸时先关机再从后盖取纸，不要从前面硬拽。',
      },
      {
        weight: 3,
        cause: '纸盒 2 的搓纸轮老化打滑，受潮的纸进不去或两张一起进。',
        solution: '更换纸盒 2 搓纸轮和分页垫，换用新拆封的纸。',
        result: '进纸正常，打印 50 页未再卡纸。',
        prevention: '纸张拆封后放在柜子里防潮；搓纸轮列入打印机年度保养更换件。',
        wait: { for: 'parts', reason: '搓纸轮已下单，等配件到货。', days: [1, 3], resume: '搓纸轮到货，上门更换。' },
        note: '搓纸轮型号 RM2-5452，库房没有备件，已找维修部订购。',
      },
    ],
    reopen: '又开始卡纸了，还是那个纸盒。',
  },
  {
    key: 'printer-offline',
    orgs: BOTH,
    category: 'printing',
    weight: 9,
    reports: [
      ['打印机显示脱机，打印不了', '电脑上打印机图标是灰的，显示“脱机”，重启电脑也不行。'],
      ['{place}打印机脱机', '办公室几台电脑都打印不了，打印机显示“脱机”。', [0]],
      ['点打印没反应，文档一直在队列里', '发送打印后任务一直排队，打印机那边没有反应。', [1]],
    ],
    device: { categories: ['打印机'] },
    work: [10, 30],
    replies: ['请先看一下打印机屏幕是否有报错，我远程看一下。'],
    outcomes: [
      {
        weight: 4,
        cause: '打印机通过 DHCP 获取地址，断电重启后 IP 变了，电脑上的端口还是旧地址。',
        solution: '在交换机上为打印机 MAC 绑定固定地址，电脑上把端口改回该地址，并清空卡住的打印队列。',
        result: '办公室几台电脑都能正常打印。',
        prevention: '网络打印机一律使用固定 IP 并在台账中登记。',
      },
      {
        weight: 3,
        cause: '电脑上的 Print Spooler 服务卡死，队列里有一个损坏的 PDF 任务。',
        solution: '停止 Print Spooler 服务，删除 C:\\Windows\\System32\\spool\\PRINTERS 下的文件后重启服务。',
        result: '队列清空，重新打印正常。',
        prevention: '遇到队列卡住可先按知识库的步骤自行清理。',
      },
    ],
  },
  {
    key: 'copier-fault',
    orgs: SCHOOL,
    category: 'printing',
    weight: 3,
    reports: [
      ['试卷印刷复合机报错 SC542', '明天月考要印试卷，复合机屏幕显示 SC542，按什么都没反应。'],
      ['教务处复合机报错，印不了试卷', '复合机印几十张就停，屏幕显示 SC542，下午还有两个年级的试卷要印。'],
    ],
    device: { categories: ['复印机'] },
    priority: { high: 0.4, normal: 0.6 },
    work: [20, 60],
    outcomes: [
      {
        cause: '定影单元温度传感器故障（SC542）。',
        solution: '联系租赁公司上门，更换定影单元温度传感器，并做了一次保养。',
        result: '复合机恢复正常，试卷按时印完。',
        prevention: '考试周前一周请租赁公司做一次预防性保养。',
        repair: {
          vendor: 'vendors.copier',
          rma: 'ZL-{n}',
          costYuan: [0, 0],
          days: [0, 1],
          notes: '租赁合同内维修，不收费。',
          back: '工程师上门修复。',
          onSite: true,
        },
      },
    ],
  },
  {
    key: 'no-network',
    orgs: BOTH,
    category: 'network',
    weight: 11,
    reports: [
      ['电脑上不了网', '早上开机后就上不了网，右下角网络图标有个黄色感叹号，其他人正常。'],
      ['{place}电脑连不上网络', '网页打不开，微信电脑版也登不上，手机连 WiFi 是好的。'],
      ['网络图标显示黄色感叹号', '电脑显示“无 Internet”，插拔网线也没用。'],
    ],
    device: { categories: OFFICE_PC },
    work: [10, 45],
    replies: ['请先把网线两头拔插一下试试，不行我过来。', '收到，我十五分钟后到。'],
    outcomes: [
      {
        weight: 4,
        cause: '办公桌下的网线水晶头松动，被椅子压过，接触不良。',
        solution: '重新制作水晶头并用理线槽把网线固定在桌腿上。',
        result: '网络恢复，测速正常。',
        prevention: '网线走线避开椅子轮子；办公室巡检时检查跳线。',
      },
      {
        weight: 3,
        cause: '有人私接了一个小路由器，它的 DHCP 给这台电脑分了错误的地址。',
        solution: '找到并拔掉私接的路由器，电脑重新获取地址；在接入交换机上开启 DHCP Snooping。',
        result: '办公室所有电脑恢复正常上网。',
        prevention: '接入交换机全部开启 DHCP Snooping，发通知禁止私接路由器。',
        note: '查交换机 MAC 表，发现一个 TP-LINK 的 MAC 在发 DHCP Offer。',
      },
      {
        weight: 2,
        cause: '网卡驱动在系统更新后异常，设备管理器里网卡带黄色叹号。',
        solution: '卸载网卡并安装官网驱动，关闭网卡节能选项。',
        result: '网络恢复，重启后保持正常。',
        prevention: '同型号机器的驱动已放到文件服务器“驱动”目录。',
      },
    ],
    reopen: '今天又断了，和上次一样。',
  },
  {
    key: 'slow-network',
    orgs: BOTH,
    category: 'network',
    weight: 6,
    reports: [
      ['{place}网速很慢', '最近一到下午网就特别慢，打开一个网页要半分钟。'],
      ['网页打开特别慢，视频会议卡顿', '整个办公室网速都很慢，视频会议一直卡，上传文件一直转圈。'],
    ],
    work: [30, 120],
    outcomes: [
      {
        weight: 3,
        cause: '办公室一台电脑在后台用下载工具下载大文件，占满了出口带宽。',
        solution: '在上网行为管理上定位到该电脑并限速，和使用人沟通后关闭下载任务。',
        result: '办公室网速恢复正常。',
        prevention: '上网行为管理对 P2P 下载按终端限速 5 Mbps。',
        note: '流量排行第一的终端下行占了 180 Mbps，进程是某下载器。',
      },
      {
        weight: 2,
        cause: '该区域无线 AP 与隔壁共用 6 信道，同频干扰严重。',
        solution: '在无线控制器上调整信道和功率，5G 优先。',
        result: '无线速率从 10 Mbps 提升到 200 Mbps 左右。',
        prevention: '每学期做一次无线信号勘测，调整信道规划。',
      },
    ],
  },
  {
    key: 'wifi',
    orgs: BOTH,
    category: 'network',
    weight: 6,
    season: 'termStart',
    reports: [
      ['{place}无线连不上', '手机和笔记本都搜不到无线信号，昨天还是好的。'],
      ['{place}WiFi 信号没有了', '这里的无线网络突然没有了，别的房间正常。'],
    ],
    device: { categories: ['无线AP'] },
    work: [20, 60],
    outcomes: [
      {
        weight: 3,
        cause: 'AP 的 PoE 供电端口被误关（交换机端口 shutdown），AP 离线。',
        solution: '恢复交换机端口并确认 AP 上线，核对端口描述。',
        result: 'AP 重新上线，信号正常。',
        prevention: '交换机端口描述与台账保持一致，改配置前核对。',
      },
      {
        weight: 1,
        cause: 'AP 硬件故障，指示灯不亮，换到其他端口也不上电。',
        solution: '先用库房备用 AP 替换，故障 AP 送代理商保修更换。',
        result: '备用 AP 上线，无线恢复；保修件返回后放回库房备用。',
        prevention: '库房保持至少 2 台备用 AP。',
        repair: {
          vendor: 'vendors.network',
          rma: 'RMA{n}',
          costYuan: [0, 0],
          days: [3, 8],
          notes: '保修期内，代理商先行更换。',
          back: '更换件已到货，测试正常后入库备用。',
        },
      },
    ],
  },
  {
    key: 'switch-port',
    orgs: BOTH,
    category: 'network',
    weight: 3,
    reports: [
      ['{place}多台电脑同时断网', '附近几个办公室的电脑突然都上不了网，IP 电话也不通。'],
      ['整层断网', '这一层好几个房间都断网了，其他楼层正常。'],
    ],
    device: { categories: ['交换机'], name: /接入|核心/ },
    priority: { high: 0.6, urgent: 0.2, normal: 0.2 },
    important: 0.3,
    work: [30, 120],
    outcomes: [
      {
        weight: 2,
        cause: '接入交换机有一个端口被接成环路（会议桌下的两个网口用一根网线连了起来），引发广播风暴。',
        solution: '定位并拔除环路网线，接入端口开启环路检测和 BPDU 保护。',
        result: '广播风暴消失，整层网络恢复。',
        prevention: '全部接入端口开启环路检测；会议室网口贴标签，提醒不要互联。',
        note: '交换机 CPU 100%，日志里大量 MAC 漂移告警。',
      },
      {
        weight: 1,
        cause: '接入交换机一组端口（1-12 口）硬件故障，端口灯不亮。',
        solution: '临时把线接到空闲端口恢复使用，故障交换机报代理商 RMA 更换。',
        result: '更换交换机后全部端口恢复，配置已从备份导入。',
        prevention: '交换机配置每周自动备份，弱电间保留一台备用交换机。',
        repair: {
          vendor: 'vendors.network',
          rma: 'RMA{n}',
          costYuan: [0, 0],
          days: [2, 6],
          notes: '维保合同内，先行更换。',
          back: '新交换机到货，已导入配置上架。',
        },
      },
    ],
  },
  {
    key: 'internet-outage',
    orgs: BOTH,
    category: 'network',
    weight: 1.2,
    reports: [
      ['外网中断，全部上不了网', '监控告警：出口链路 ping 不通。所有电脑打不开外网网页，内网系统可以访问。'],
      ['出口宽带断了', '监控告警：专线接口 down，外网访问全部中断。'],
    ],
    device: { categories: ['路由器', '防火墙'] },
    monitor: true,
    priority: { urgent: 0.7, high: 0.3 },
    important: 0.5,
    work: [30, 90],
    outcomes: [
      {
        cause: '运营商侧光缆在市政施工中被挖断，专线中断。',
        solution: '向电信报障并跟进抢修；期间启用 4G 备份线路保证教务和财务系统访问。',
        result: '光缆熔接后专线恢复，切回主线路。',
        prevention: '和电信确认备用路由；4G 备份线路每月测试一次切换。',
        repair: {
          vendor: 'vendors.telecom',
          rma: '障碍单 ZA{n}',
          costYuan: [0, 0],
          days: [0, 1],
          notes: '专线故障报修。',
          back: '运营商完成光缆熔接。',
          onSite: true,
        },
      },
    ],
  },
  {
    key: 'email-receive',
    orgs: COMPANY,
    category: 'email',
    weight: 5,
    reports: [
      ['Outlook 收不到邮件', '从昨天下午开始 Outlook 就没有新邮件了，别人说发给我的邮件被退回。'],
      ['邮箱收不到客户的邮件', '客户说给我发了合同，但我邮箱里一直没有，垃圾箱也没有。'],
    ],
    device: { categories: ['笔记本'], held: true },
    work: [15, 45],
    outcomes: [
      {
        weight: 3,
        cause: '邮箱容量已满（2 GB），新邮件被服务器退回。',
        solution: '把三年前的邮件归档到本地 PST 文件，删除大附件邮件，申请把邮箱扩容到 5 GB。',
        result: '新邮件正常收取，客户重发的合同已收到。',
        prevention: '邮箱容量到 90% 时服务器会发提醒，已告诉用户如何归档。',
      },
      {
        weight: 1,
        cause: '用户设置的收件规则把含“合同”的邮件移到了一个不常用的文件夹。',
        solution: '修改收件规则，找回被移走的邮件。',
        result: '邮件已找到，规则已修正。',
        prevention: '',
      },
    ],
  },
  {
    key: 'email-password',
    orgs: COMPANY,
    category: 'email',
    weight: 3,
    reports: [['Outlook 一直提示输入密码', 'Outlook 一直弹窗要输入密码，输入后还是弹，手机上的邮箱也收不到了。']],
    device: { categories: ['笔记本'], held: true },
    work: [10, 30],
    outcomes: [
      {
        cause: '上周修改了域账号密码，Outlook 和手机里保存的还是旧密码，凭据管理器里有残留。',
        solution: '清除 Windows 凭据管理器中的旧邮箱凭据，重新登录 Outlook，手机邮箱更新密码。',
        result: '不再弹密码框，电脑和手机收发正常。',
        prevention: '改密码后按知识库《邮箱客户端设置》更新各终端的密码。',
      },
    ],
  },
  {
    key: 'account-locked',
    orgs: BOTH,
    category: 'software',
    weight: 3,
    season: 'termStart',
    reports: [
      ['账号被锁定，登录不了', '输错几次密码后提示账号已锁定，要等很久，急着录成绩。'],
      ['域账号锁定，电脑进不去', '开机登录提示“引用的账户当前已锁定”。'],
    ],
    work: [5, 15],
    replies: ['已收到，请稍等，核实身份后帮你解锁。'],
    outcomes: [
      {
        cause: '手机上还保存着旧密码，反复自动登录导致账号被锁定。',
        solution: '电话核实身份后解锁账号，删除手机上旧的账号配置。',
        result: '用户已正常登录。',
        prevention: '修改密码后记得更新手机和其他设备上保存的密码，见知识库《密码重置流程》。',
      },
    ],
  },
  {
    key: 'password-forgotten',
    orgs: SCHOOL,
    category: 'software',
    weight: 2,
    season: 'termStart',
    reports: [['教务系统密码忘了', '忘记了教务系统的密码，找回密码的手机号是以前的，收不到验证码。']],
    work: [5, 15],
    outcomes: [
      {
        cause: '用户忘记密码，预留手机号已停用。',
        solution: '核实工号和身份证后四位，重置密码并更新预留手机号。',
        result: '用户已登录并修改了自己的密码。',
        prevention: '提醒全体教职工在个人中心核对预留手机号。',
      },
    ],
  },
  {
    key: 'bluescreen',
    orgs: BOTH,
    category: 'os',
    weight: 6,
    reports: [
      ['电脑蓝屏', '用着用着就蓝屏了，代码好像是 MEMORY_MANAGEMENT，一天两三次。'],
      ['电脑频繁蓝屏重启', '开机十几分钟就蓝屏重启，文件都没保存。'],
    ],
    device: { categories: OFFICE_PC },
    priority: { normal: 0.9, high: 0.1 },
    work: [30, 120],
    outcomes: [
      {
        weight: 3,
        cause: '内存条金手指氧化，接触不良（内存诊断报错）。',
        solution: '拔下内存条用橡皮擦拭金手指后重新插紧，运行内存诊断两遍通过。',
        result: '观察两天未再蓝屏。',
        prevention: '对同批次的机器在假期做一次除尘和内存检查。',
      },
      {
        weight: 2,
        cause: '系统更新后显卡驱动不兼容，dump 文件指向显卡驱动。',
        solution: '回滚显卡驱动到上一个版本，暂停该驱动的自动更新。',
        result: '蓝屏不再出现。',
        prevention: '驱动更新先在信息中心的测试机上验证一周。',
        note: '用 WinDbg 看了 dump，故障模块是显卡驱动。',
      },
      {
        weight: 1,
        cause: '主板故障，更换内存和硬盘后仍蓝屏，厂家检测确认主板损坏。',
        solution: '机器在保修期内，送联想服务站更换主板。',
        result: '主板更换后测试正常，已交还使用人。',
        prevention: '重要资料存到文件服务器个人目录，送修期间不影响工作。',
        repair: {
          vendor: 'vendors.lenovo',
          rma: 'LX{n}',
          costYuan: [0, 0],
          days: [3, 7],
          notes: '保修期内免费更换主板，送修前已备份资料。',
          back: '主板已更换，返回后测试正常。',
        },
      },
    ],
    reopen: '又蓝屏了一次。',
  },
  {
    key: 'no-boot',
    orgs: BOTH,
    category: 'hardware',
    weight: 5,
    reports: [
      ['电脑开不了机', '按电源键一点反应都没有，插座是好的。', [0, 2]],
      ['开机黑屏，风扇在转', '开机后风扇转但屏幕一直黑，滴滴响了几声。', [1]],
    ],
    device: { categories: OFFICE_PC },
    work: [20, 90],
    outcomes: [
      {
        weight: 2,
        cause: '电源适配器损坏，输出电压为 0。',
        solution: '更换库房备用电源适配器。',
        result: '电脑正常开机。',
        prevention: '',
      },
      {
        weight: 2,
        cause: '内存松动导致开机自检失败（报警声三短）。',
        solution: '重新插拔内存并清灰。',
        result: '开机正常。',
        prevention: '机箱放在桌上，避免踢碰。',
      },
      {
        weight: 1,
        cause: '已过保，主板供电电路损坏。',
        solution: '送维修部维修主板，报价后同意维修。',
        result: '主板修复后开机正常，资料完好。',
        prevention: '该批次电脑明年到使用年限，列入更新计划。',
        repair: {
          vendor: 'vendors.pcshop',
          rma: 'CX{n}',
          costYuan: [180, 450],
          days: [2, 5],
          notes: '过保维修，先报价。',
          back: '维修部修好送回。',
        },
      },
    ],
  },
  {
    key: 'laptop-broken',
    orgs: BOTH,
    category: 'hardware',
    weight: 2,
    reports: [
      ['笔记本屏幕摔坏了', '笔记本不小心摔了一下，屏幕左边一大块花屏。', [0]],
      ['笔记本键盘好几个键失灵', '键盘上 E、R 和空格键经常按了没反应。', [0]],
      ['笔记本电池鼓包', '笔记本底壳翘起来了，触控板按不下去。', [1]],
    ],
    device: { categories: ['笔记本'], held: true },
    work: [20, 60],
    outcomes: [
      {
        cause: '屏幕（键盘）硬件损坏，需要更换部件。',
        solution: '送联想服务站更换部件，送修期间借用一台备用笔记本。',
        result: '部件更换完成，已交还使用人。',
        prevention: '提醒使用人外出使用电脑包。',
        repair: {
          vendor: 'vendors.lenovo',
          rma: 'LX{n}',
          costYuan: [0, 680],
          days: [3, 8],
          notes: '送修前已备份资料并登记借用备用机。',
          back: '服务站修好返回。',
        },
      },
      {
        cause: '电池老化鼓包，有安全隐患。',
        solution: '立即停用电池，送维修部更换原厂电池。',
        result: '电池更换完成，底壳恢复平整。',
        prevention: '笔记本长期插电使用时开启电池养护模式（充到 80% 停止）。',
        repair: {
          vendor: 'vendors.pcshop',
          rma: 'CX{n}',
          costYuan: [260, 420],
          days: [1, 3],
          notes: '鼓包电池单独装袋，不要挤压。',
          back: '更换原厂电池。',
        },
      },
    ],
  },
  {
    key: 'projector-no-signal',
    orgs: SCHOOL,
    category: 'hardware',
    weight: 7,
    season: 'termStart',
    reports: [
      ['{place}投影仪无信号', '上课接上笔记本，投影一直显示无信号，换了接口也不行。', [0, 1]],
      ['{place}投影没有画面', '讲台电脑开着，投影仪是蓝屏写着无信号，马上要上课。', [0]],
      ['{place}投影画面很暗', '投影画面发暗发黄，后排学生看不清。', [2]],
    ],
    device: { categories: ['投影仪'] },
    priority: { normal: 0.8, high: 0.2 },
    work: [10, 30],
    replies: ['马上到，先用黑板讲。', '请按一下投影遥控器上的“信号源”切到 HDMI1 试试。'],
    outcomes: [
      {
        weight: 3,
        cause: '讲台下 HDMI 线接头松动，信号时有时无。',
        solution: '更换一根 HDMI 线并用扎带固定在讲台线槽里。',
        result: '投影画面稳定。',
        prevention: '开学前检查所有教室的投影连接线。',
      },
      {
        weight: 2,
        cause: '笔记本是 Type-C 接口，转接头不支持视频输出。',
        solution: '换用支持 DP 输出的转接头，并教老师用 Win+P 切换“复制”模式。',
        result: '投影正常显示。',
        prevention: '每个年级办公室放一个合格的转接头。',
      },
      {
        weight: 1,
        cause: '投影仪灯泡到寿命（使用超过 4000 小时），亮度极低。',
        solution: '更换投影灯泡并重置灯泡计时。',
        result: '亮度恢复正常。',
        prevention: '台账里记录灯泡小时数，到 3500 小时提前备货。',
        wait: { for: 'parts', reason: '等投影灯泡到货。', days: [2, 4], resume: '灯泡到货，上门更换。' },
      },
    ],
    reopen: '今天上课又没信号了。',
  },
  {
    key: 'smartboard',
    orgs: SCHOOL,
    category: 'hardware',
    weight: 2,
    reports: [
      ['{place}一体机触摸不准', '希沃一体机点哪里都偏一点，写字写不到位置上。'],
      ['交互平板触摸失灵', '一体机下半部分触摸没反应，只能用鼠标。'],
    ],
    device: { categories: ['大屏显示'], name: /希沃/ },
    work: [15, 40],
    outcomes: [
      {
        cause: '触摸框边缘有粉笔灰遮挡红外对管，触摸定位偏移。',
        solution: '清洁触摸框边缘并重新做触摸校准。',
        result: '触摸恢复准确。',
        prevention: '请值日生不要用湿抹布擦屏幕边框，每月清洁一次。',
      },
    ],
  },
  {
    key: 'lab-pc',
    orgs: SCHOOL,
    category: 'hardware',
    weight: 5,
    reports: [
      ['{place}学生机开不了机', '下午上课发现 3 台学生机开不了机，学生只能两人一台。', [0, 2]],
      ['{place}几台学生机没有网络', '几台学生机收不到广播教学，也上不了网。', [1]],
    ],
    device: { categories: ['台式机'], in: ['school.lab1', 'school.lab2'] },
    reportedBy: /信息技术/,
    work: [20, 90],
    outcomes: [
      {
        weight: 2,
        cause: '学生机电源插排过载保护跳闸。',
        solution: '复位插排并把一排机器分到两个插排上。',
        result: '学生机全部开机。',
        prevention: '机房插排负载做了重新分配并贴了标识。',
      },
      {
        weight: 2,
        cause: '还原系统的网络参数被改乱，几台机器 IP 冲突。',
        solution: '用同传重新下发网络参数，保存还原点。',
        result: '广播教学和上网都恢复。',
        prevention: '上完课检查还原系统是否生效。',
      },
      {
        weight: 1,
        cause: '一台学生机硬盘坏道，系统无法启动。',
        solution: '保修内更换硬盘后从母机同传系统。',
        result: '学生机恢复使用。',
        prevention: '期末对学生机做一次硬盘健康检测。',
        repair: {
          vendor: 'vendors.lenovo',
          rma: 'LX{n}',
          costYuan: [0, 0],
          days: [2, 5],
          notes: '保修内更换硬盘。',
          back: '新硬盘装好，已同传系统。',
        },
      },
    ],
  },
  {
    key: 'virus',
    orgs: SCHOOL,
    category: 'os',
    weight: 3,
    reports: [
      ['{place}电脑中毒了', '电脑右下角一直弹广告，浏览器主页被改了，插 U 盘后文件夹都变成了快捷方式。'],
      ['插 U 盘后文件夹都变成快捷方式', '讲台电脑插了学生的 U 盘后，U 盘里的文件夹都变成了快捷方式，桌面也开始弹广告。'],
    ],
    device: { categories: ['台式机'] },
    work: [30, 90],
    outcomes: [
      {
        cause: 'U 盘蠕虫病毒通过自动播放感染，并植入了广告程序。',
        solution: '断网后用杀毒软件全盘查杀，删除广告程序和启动项，恢复 U 盘隐藏的文件夹。',
        result: '病毒清除，文件已恢复。',
        prevention: '教室电脑关闭自动播放并开启还原；提醒老师用文件服务器或网盘代替 U 盘。',
      },
    ],
  },
  {
    key: 'software-install',
    orgs: BOTH,
    category: 'software',
    weight: 6,
    reports: [
      ['请帮忙安装 CAD 看图软件', '收到的图纸是 DWG 格式，打不开，请帮忙装一个看图软件。', [0]],
      ['WPS 打不开，提示未激活', '打开文档提示软件未激活，很多功能用不了。', [1]],
      ['请安装 PDF 编辑软件', '工作需要合并和编辑 PDF，请帮忙安装单位购买的 PDF 软件。', [0]],
    ],
    device: { categories: OFFICE_PC },
    priority: { low: 0.5, normal: 0.5 },
    work: [10, 40],
    outcomes: [
      {
        cause: '电脑上没有所需软件。',
        solution: '从软件库安装正版软件。',
        result: '软件可以正常使用。',
        prevention: '',
      },
      {
        cause: '重装系统后单位授权的激活信息丢失。',
        solution: '用单位授权码重新激活。',
        result: '软件激活，功能正常。',
        prevention: '',
      },
    ],
  },
  {
    key: 'cctv-lost',
    orgs: SCHOOL,
    category: 'security',
    weight: 3,
    reports: [
      ['监控画面丢失', '监控室大屏上东门和操场的几路画面都是黑的，显示“视频丢失”。', [0]],
      ['录像机报硬盘错误', '想调昨天下午的录像，提示硬盘异常查不到，录像机一直在响。', [1, 2]],
    ],
    device: { categories: ['网络硬盘录像机'] },
    priority: { high: 0.2, normal: 0.8 },
    important: 0.3,
    work: [30, 120],
    outcomes: [
      {
        weight: 2,
        cause: '东门摄像头的 PoE 交换机断电（插座被保洁拔掉）。',
        solution: '恢复供电，插座加装防拔卡扣。',
        result: '各路画面恢复，录像正常。',
        prevention: '监控供电插座贴“请勿断电”标识。',
      },
      {
        weight: 1,
        cause: '录像机 2 号硬盘故障，该盘上的通道无法录像。',
        solution: '硬盘在保修期内，安防公司上门更换同型号硬盘并重建录像计划。',
        result: '各通道恢复录像。',
        prevention: '每月检查录像机硬盘状态。',
        repair: {
          vendor: 'vendors.cctv',
          rma: 'AF{n}',
          costYuan: [0, 0],
          days: [1, 3],
          notes: '保修期内更换。',
          back: '新硬盘已安装。',
          onSite: true,
        },
      },
      {
        weight: 1,
        cause: '录像机 3 号硬盘故障，该盘上的通道无法录像；硬盘已过保。',
        solution: '报领导批准后，由安防公司更换 4TB 监控硬盘并重建录像计划。',
        result: '硬盘更换后各通道恢复录像。',
        prevention: '录像机硬盘使用满 3 年的分批更换，每月检查硬盘状态。',
        escalate: { reason: '录像机硬盘已过保，更换一块监控硬盘约 800 元，请批准。', decision: '同意更换，从信息化维护经费列支。' },
        repair: {
          vendor: 'vendors.cctv',
          rma: 'AF{n}',
          costYuan: [650, 900],
          days: [1, 3],
          notes: '过保硬盘按块收费。',
          back: '新硬盘已安装。',
          onSite: true,
        },
      },
    ],
  },
  {
    key: 'door-access',
    orgs: SCHOOL,
    category: 'security',
    weight: 2,
    reports: [
      ['{place}门禁刷卡无效', '新来的老师刷卡开门提示无权限。', [0]],
      ['{place}门禁刷卡没反应', '刷卡开门没有反应，读卡器的灯也不亮，只能找人开门。', [1]],
    ],
    device: { categories: ['门禁设备'] },
    work: [15, 60],
    outcomes: [
      {
        weight: 2,
        cause: '新入职教师的卡片未在门禁系统授权。',
        solution: '在门禁管理软件中为新卡授权并下发到控制器。',
        result: '刷卡开门正常。',
        prevention: '新教师入职流程增加“门禁授权”一项。',
      },
      {
        weight: 1,
        cause: '门禁控制器与管理服务器通讯中断（网线被老鼠咬断），控制器断电重启后没有恢复。',
        solution: '更换门禁控制器网线并加装护管。',
        result: '控制器上线，刷卡正常。',
        prevention: '弱电间线缆加装护管，定期放置防鼠药。',
      },
    ],
  },
  {
    key: 'disk-full',
    orgs: BOTH,
    category: 'server',
    weight: 2.5,
    reports: [
      ['服务器磁盘空间不足告警', '监控告警：数据分区使用率超过 95%。', [0, 2]],
      ['{device}磁盘使用率 95%', '监控告警：{device}磁盘使用率 95%，还在增长。', [0, 2]],
      ['备份服务器磁盘满，备份失败', '昨晚备份任务失败，日志提示磁盘空间不足。', [1]],
    ],
    device: { categories: ['服务器', '存储设备'] },
    monitor: true,
    priority: { high: 0.6, urgent: 0.3, normal: 0.1 },
    important: 0.4,
    work: [30, 120],
    outcomes: [
      {
        weight: 3,
        cause: '应用日志没有配置轮转，半年的日志占用了 180 GB。',
        solution: '压缩归档旧日志，配置 logrotate 按周轮转保留 8 周。',
        result: '磁盘使用率降到 42%。',
        prevention: '新服务上线检查日志轮转；磁盘 80% 提前告警。',
        note: 'du 看了一下，/var/log/app 下面 180G。',
      },
      {
        weight: 2,
        cause: '备份保留策略是“永久保留”，历史全量备份堆满了磁盘。',
        solution: '调整为保留 4 个全量和 30 天增量，删除过期备份并手工补做一次全量备份。',
        result: '备份恢复正常，磁盘剩余 55%。',
        prevention: '备份策略写入制度，每月检查备份任务结果。',
      },
      {
        weight: 1,
        cause: '数据量增长，现有磁盘容量确实不够。',
        solution: '申请采购两块 4TB 硬盘扩容，领导批准后安装并扩展卷。',
        result: '扩容完成，可用空间 6 TB。',
        prevention: '每学期评估一次存储增长。',
        escalate: { reason: '存储容量不足，需采购 2 块 4TB 企业级硬盘，约 3200 元。', decision: '同意采购，走零星采购流程。' },
        wait: { for: 'parts', reason: '硬盘采购中。', days: [3, 6], resume: '硬盘已到货，安排扩容。' },
      },
    ],
  },
  {
    key: 'academic-system',
    orgs: SCHOOL,
    category: 'server',
    weight: 2,
    season: 'termStart',
    reports: [
      ['教务系统打不开', '教务系统登录页面打不开，提示 502，老师们都在问。', [0]],
      ['成绩录入系统很慢', '录成绩的时候保存一次要转一分钟，经常超时。', [0]],
      ['一卡通系统无法充值', '食堂充值机显示连接服务器失败，浏览器打开一卡通网站提示证书不安全。', [1]],
    ],
    device: { categories: ['服务器'], name: /教务/ },
    priority: { urgent: 0.5, high: 0.5 },
    important: 0.5,
    work: [20, 90],
    outcomes: [
      {
        cause: '数据库连接数被占满，应用服务无响应。',
        solution: '重启应用服务释放连接，调大连接池上限并加上空闲超时。',
        result: '系统恢复访问，响应正常。',
        prevention: '监控增加数据库连接数告警。',
      },
      {
        cause: 'HTTPS 证书过期，浏览器和充值机拒绝连接。',
        solution: '续签证书并部署到服务器和负载均衡。',
        result: '访问恢复。',
        prevention: '证书到期前 30 天提醒，列入运维日历。',
      },
    ],
  },
  {
    key: 'ups-alarm',
    orgs: BOTH,
    category: 'server',
    weight: 1,
    reports: [['机房 UPS 告警：电池故障', '监控告警：UPS 电池自检失败，面板显示“更换电池”。']],
    device: { categories: ['UPS'] },
    monitor: true,
    priority: { high: 0.7, urgent: 0.3 },
    important: 1,
    work: [30, 90],
    outcomes: [
      {
        cause: 'UPS 电池组使用 5 年，容量衰减，自检失败。',
        solution: '联系 UPS 服务商更换整组电池（16 节 12V 9Ah）。',
        result: '电池更换后自检通过，满载后备时间约 25 分钟。',
        prevention: 'UPS 电池 4 年一换，列入预算；每季度做一次放电测试。',
        escalate: { reason: '机房 UPS 电池需整组更换，费用约 6800 元，请批准。', decision: '同意，尽快安排，避开考试和月底结账。' },
        repair: {
          vendor: 'vendors.ups',
          rma: 'UPS{n}',
          costYuan: [6200, 6800],
          days: [2, 5],
          notes: '整组电池更换，旧电池由厂家回收。',
          back: '服务商上门更换完成。',
          onSite: true,
        },
      },
    ],
  },
  {
    key: 'vpn',
    orgs: COMPANY,
    category: 'network',
    weight: 4,
    reports: [
      ['VPN 连不上', '在酒店连 VPN 一直提示连接超时，客户那边等着看方案。', [0]],
      ['VPN 提示证书错误', '好久没用 VPN 了，今天连的时候提示证书错误。', [1]],
    ],
    device: { categories: ['笔记本'], held: true },
    work: [10, 40],
    outcomes: [
      {
        cause: '酒店网络屏蔽了 UDP 端口，VPN 默认协议连不上。',
        solution: '远程指导改用 TCP 443 模式连接。',
        result: 'VPN 连接成功。',
        prevention: '客户端配置里增加 TCP 443 备用连接；已更新《VPN 使用说明》。',
      },
      {
        cause: 'VPN 客户端版本过旧，与服务器证书不兼容。',
        solution: '远程协助升级 VPN 客户端。',
        result: '连接正常。',
        prevention: '',
      },
    ],
  },
  {
    key: 'finance-ukey',
    orgs: COMPANY,
    category: 'software',
    weight: 2,
    reports: [
      ['网银 U 盾识别不了', '插上 U 盾浏览器没反应，网银登录不了，下午要付款。'],
      ['开票软件提示控件未安装', '开票软件打开后提示控件未安装，U 盾插着也读不到。'],
    ],
    device: { categories: ['台式机'], name: /战66/ },
    priority: { high: 0.4, normal: 0.6 },
    work: [15, 45],
    outcomes: [
      {
        cause: '浏览器升级后安全控件失效。',
        solution: '重新安装安全控件和 U 盾驱动，把网银和开票网址加入兼容模式。',
        result: '网银登录、付款和开票正常。',
        prevention: '财务电脑的浏览器关闭自动升级。',
      },
    ],
  },
  {
    key: 'exam-room',
    orgs: SCHOOL,
    kind: 'task',
    category: 'other',
    weight: 3,
    season: 'exams',
    reports: [
      ['布置考场机房：{place}', '下周信息技术期中上机考试用{place}，需要安装考试客户端、关闭外网、检查每台机器。'],
      ['期中上机考试，{place}准备', '期中考试信息技术科目在{place}上机，请提前一天准备好考场。'],
    ],
    places: { school: ['school.lab1', 'school.lab2'] },
    reportedBy: /信息技术|教务/,
    priority: { high: 0.2, normal: 0.8 },
    work: [120, 300],
    outcomes: [
      {
        cause: '考试安排。',
        solution: '同传安装考试客户端，考试时段关闭外网和 USB 存储，逐台检查开机、登录和耳机。',
        result: '考场机房准备完成，备用机 3 台。',
        prevention: '考试结束后恢复外网和 USB 策略。',
      },
    ],
  },
  {
    key: 'meeting-av',
    orgs: BOTH,
    kind: 'task',
    category: 'other',
    weight: 3,
    reports: [
      ['{place}会议投影调试', '明天上午 9 点在{place}开会，有外部领导参加，请提前调试投影、话筒和视频会议。'],
      ['明天上午开会，请提前调试投影和话筒', '明天上午在{place}开会，需要投影和两个无线话筒。'],
    ],
    places: { school: ['第一会议室', 'school.lectureHall'], company: ['company.meetingRoom', '小会议室'] },
    priority: { normal: 0.8, high: 0.2 },
    work: [30, 90],
    outcomes: [
      {
        cause: '会议保障。',
        solution: '提前一小时到场调试投影、无线话筒和视频会议终端，准备备用电池和转接头。',
        result: '会议顺利进行。',
        prevention: '',
      },
    ],
  },
  {
    key: 'new-hire',
    orgs: COMPANY,
    kind: 'task',
    category: 'other',
    weight: 2,
    reports: [
      ['新员工入职：准备电脑和账号', '下周一有新同事入职，请准备笔记本、开通邮箱、VPN 和 OA 账号。'],
      ['新同事下周一入职，请开通邮箱和电脑', '部门新招了一名同事，下周一报到，请提前准备电脑和账号。'],
    ],
    priority: { normal: 0.8, low: 0.2 },
    work: [60, 150],
    outcomes: [
      {
        cause: '入职安排。',
        solution: '从库房领出笔记本装好系统和常用软件，开通域账号、邮箱和 VPN，打印账号说明。',
        result: '入职当天交付电脑并签字领用。',
        prevention: '',
        wait: { for: 'other', reason: '电脑和账号已准备好，等新同事入职当天交付。', days: [1, 5], resume: '新同事今天入职。' },
      },
    ],
  },
  {
    key: 'network-point',
    orgs: BOTH,
    kind: 'task',
    category: 'network',
    weight: 1.5,
    reports: [
      ['{place}增加网络信息点', '办公室调整了座位，新的工位没有网口，需要加两个信息点。'],
      ['请在{place}加两个网口', '新来的同事座位在窗边，附近没有网口，请加两个。'],
    ],
    priority: { low: 0.8, normal: 0.2 },
    work: [60, 180],
    outcomes: [
      {
        cause: '办公室座位调整。',
        solution: '从弱电间放两根六类线到新工位，打模块并在配线架上标记。',
        result: '两个新网口测试通过。',
        prevention: '',
        wait: { for: 'other', reason: '布线要在周末施工，已和使用人约好时间。', days: [2, 8], resume: '按约定时间施工。' },
      },
    ],
  },
];

// ---- the offices: who works the tickets, how many come, how fast they are answered ----

/** Tickets a working day brings per organisation, before the weekday and the season. */
export const DAILY: Record<Org, number> = { school: 2.5, company: 1 };
export const PRIORITY_MIX: Record<TicketPriority, number> = { normal: 0.77, high: 0.08, low: 0.13, urgent: 0.02 };
const DESK: Category[] = ['hardware', 'os', 'software', 'printing', 'email', 'other'];

/**
 * The accounts the stories need: the IT staff with what they take on (the heads of IT dispatch),
 * and who decides what costs money (the 信息中心主任 at the school, the 总经理 at the company).
 */
export const ACCOUNTS: { person: string; org: Org; roles: Role[]; takes: Category[]; dispatches?: boolean; decides?: boolean }[] = [
  { person: 'school.it.director', org: 'school', roles: ['technician'], takes: [], dispatches: true, decides: true },
  { person: 'school.it.desktop', org: 'school', roles: ['technician'], takes: DESK },
  { person: 'school.it.network.admin.1', org: 'school', roles: ['technician'], takes: ['network', 'security'] },
  { person: 'school.it.systems.admin.1', org: 'school', roles: ['technician'], takes: ['server', 'software', 'email'] },
  { person: 'company.it.manager', org: 'company', roles: ['technician'], takes: ['server'], dispatches: true },
  { person: 'company.it.desktop', org: 'company', roles: ['technician'], takes: DESK },
  { person: 'company.it.network', org: 'company', roles: ['technician'], takes: ['network', 'security', 'server'] },
  { person: 'company.ceo', org: 'company', roles: ['staff'], takes: [], decides: true },
];

/** Waits no story foresees (the reporter away, a part on order, a quiet hour), for work that takes a while. */
export const PAUSES: (NonNullable<Outcome['wait']> & { resume: string })[] = [
  { for: 'reporter', reason: '使用人出差，约好回来后再处理。', days: [2, 10], resume: '使用人已回来，继续处理。' },
  { for: 'reporter', reason: '已发处理步骤给使用人，等他试过后回复。', days: [1, 5], resume: '使用人回复仍有问题，继续处理。' },
  { for: 'parts', reason: '需要更换配件，已下单。', days: [3, 12], resume: '配件已到，继续处理。' },
  { for: 'other', reason: '需要停机处理，约在不忙的时候进行。', days: [2, 8], resume: '按约定时间停机处理。' },
];
/** The technician's note with the time spent, where the ending has no note of its own. */
export const WORK_NOTES = ['到现场检查处理。', '远程协助处理。', '现场处理完毕，记录工时。', '已处理，和使用人确认过。'];
/** Why a technician closes a resolved ticket before it closes by itself. */
export const CALL_BACKS = ['已电话回访，使用人确认问题解决。', '回访确认正常，关闭工单。', '使用人在微信里确认已解决。'];

/** Working minutes until a technician first answers: mostly quick, now and then too late. */
export function responseMinutes(random: Random, priority: TicketPriority): number {
  const late = random.chance(0.08);
  switch (priority) {
    case 'urgent':
      return late ? random.int(16, 45) : random.int(2, 12);
    case 'high':
      return late ? random.int(31, 90) : random.int(4, 25);
    case 'low':
      return late ? random.int(481, 1200) : random.int(20, 400);
    default:
      return late ? random.int(121, 360) : random.chance(0.6) ? random.int(3, 30) : random.int(30, 110);
  }
}

/** When in the day a fault is reported (minutes after midnight): office hours, a few just outside. */
export function reportMinute(random: Random, off: boolean): number {
  if (off) return random.int(7 * 60, 22 * 60);
  const roll = random.next();
  if (roll < 0.46) return random.int(8 * 60 + 20, 11 * 60 + 50);
  if (roll < 0.92) return random.int(13 * 60 + 35, 17 * 60 + 20);
  return random.pick([random.int(7 * 60 + 30, 8 * 60 + 25), random.int(12 * 60, 13 * 60 + 25), random.int(17 * 60 + 30, 18 * 60 + 40)]);
}

export function pickSource(random: Random, org: Org, device: boolean) {
  const roll = random.next();
  if (device && roll < 0.05) return 'scan';
  if (roll < 0.5) return 'phone';
  if (roll < 0.65) return 'walk_in';
  if (roll < (org === 'company' ? 0.85 : 0.7)) return 'email';
  return 'other';
}
