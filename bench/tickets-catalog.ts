// What the bench's fault tickets say: the faults a school or company IT office records, each with
// a few ways people phrase them and the record a technician writes. Combined with rooms, device
// models and people's names, they give the search index the spread of a real helpdesk.

export interface Fault {
  category: string;
  titles: string[];
  description: string;
  cause: string;
  solution: string;
  prevention: string;
}

export const FAULTS: Fault[] = [
  {
    category: 'printing',
    titles: ['打印机卡纸', '打印机不出纸', '打印机脱机', '打印出来有黑条'],
    description: '打印时提示卡纸，取出纸张后仍然无法打印，面板红灯闪烁。',
    cause: '进纸轮磨损，纸张受潮粘连。',
    solution: '清洁并更换进纸轮，更换干燥的纸张，重启打印机后打印测试页正常。',
    prevention: '纸张存放在干燥处，每学期检查一次进纸轮。',
  },
  {
    category: 'printing',
    titles: ['复印机无法扫描到邮箱', '复印机显示缺粉', '网络打印机找不到'],
    description: '复印机扫描后发送失败，提示服务器连接错误。',
    cause: '邮箱密码修改后复印机里保存的发件账号未更新。',
    solution: '在复印机管理页面更新SMTP账号密码，发送测试扫描成功。',
    prevention: '修改公共邮箱密码前先列出使用它的设备。',
  },
  {
    category: 'network',
    titles: ['电脑上不了网', '网速很慢', '无线网络连不上', '网页打不开但QQ能上'],
    description: '办公室电脑无法访问网页，网络图标显示黄色感叹号。',
    cause: '交换机端口被环路保护关闭，DHCP地址冲突。',
    solution: '找到环路网线并拔除，恢复交换机端口，释放并重新获取IP地址。',
    prevention: '接入交换机开启环路检测和DHCP Snooping，墙面网口贴标签。',
  },
  {
    category: 'network',
    titles: ['交换机端口故障', '楼层交换机掉线', '光纤收发器指示灯不亮'],
    description: '整层楼的电脑同时断网，弱电间交换机有端口指示灯熄灭。',
    cause: '交换机电源适配器老化，上联光模块接触不良。',
    solution: '更换电源适配器并重新插拔光模块，上联链路恢复，全楼层网络正常。',
    prevention: '弱电间设备接入UPS，巡检时检查光模块温度和收发光功率。',
  },
  {
    category: 'hardware',
    titles: ['电脑蓝屏', '电脑开不了机', '电脑频繁死机', '主机噪音很大'],
    description: '开机后几分钟就蓝屏重启，错误代码 MEMORY_MANAGEMENT。',
    cause: '内存条金手指氧化，机箱内灰尘过多导致散热差。',
    solution: '清理机箱灰尘，擦拭内存金手指并重新插好，运行内存检测无错误。',
    prevention: '每年寒暑假集中给电脑除尘一次。',
  },
  {
    category: 'hardware',
    titles: ['显示器黑屏', '显示器闪烁', '键盘部分按键失灵', '鼠标不灵敏'],
    description: '显示器开机后无信号，指示灯为橙色。',
    cause: '显示器视频线松动，显卡接口氧化。',
    solution: '更换视频线并重新插紧，显示恢复正常。',
    prevention: '搬动电脑后检查线缆是否插紧。',
  },
  {
    category: 'os',
    titles: ['系统更新后很卡', 'Windows 激活失败', '开机提示用户配置文件无法加载', 'C盘空间不足'],
    description: '电脑升级 Windows 11 之后开机要五分钟，打开软件很慢。',
    cause: '系统盘为机械硬盘，更新后后台索引和杀毒扫描同时运行。',
    solution: '更换固态硬盘并迁移系统，关闭不必要的开机启动项。',
    prevention: '新购电脑统一配置固态硬盘，升级系统前检查硬件配置。',
  },
  {
    category: 'os',
    titles: ['教室电脑中毒', '电脑弹窗广告很多', '文件被加密勒索'],
    description: '教室电脑桌面出现大量广告弹窗，U盘里的文件变成快捷方式。',
    cause: 'U盘带毒，杀毒软件病毒库长期未更新。',
    solution: '全盘查杀病毒，恢复U盘隐藏文件，更新杀毒软件病毒库并开启自动更新。',
    prevention: '教室电脑安装还原卡，禁用U盘自动运行。',
  },
  {
    category: 'software',
    titles: ['OA系统登录不了', '财务软件打不开', 'WPS 保存文件报错', '浏览器证书错误'],
    description: '登录OA系统时提示用户名或密码错误，但密码确认无误。',
    cause: '账号因多次输错密码被锁定，浏览器缓存了旧的登录页面。',
    solution: '在OA后台解锁账号并重置密码，清除浏览器缓存后登录成功。',
    prevention: '告知用户密码规则和锁定策略，提供自助重置入口。',
  },
  {
    category: 'email',
    titles: ['Outlook 收不到邮件', '邮箱满了发不出邮件', '邮件被退回', '手机收不到工作邮件'],
    description: 'Outlook 一直显示正在连接，新邮件收不到，网页版邮箱正常。',
    cause: 'Outlook 数据文件超过大小上限，配置文件损坏。',
    solution: '归档旧邮件，新建 Outlook 配置文件，重新同步后收发正常。',
    prevention: '开启自动归档，邮箱容量超过八成时提醒用户清理。',
  },
  {
    category: 'server',
    titles: ['文件服务器访问慢', '服务器磁盘空间不足', 'ERP系统无法连接数据库', '备份任务失败'],
    description: '共享盘打开文件夹要等很久，复制文件速度只有几百KB。',
    cause: '文件服务器数据盘剩余空间不足百分之五，RAID 中一块硬盘预警。',
    solution: '清理过期备份释放空间，更换预警硬盘并完成RAID重建。',
    prevention: '监控磁盘使用率和RAID状态，超过八成时告警。',
  },
  {
    category: 'security',
    titles: ['监控画面丢失', '门禁刷卡无效', '录像机硬盘报警', '摄像头夜间看不清'],
    description: '监控中心有四路画面显示无信号，录像机提示视频丢失。',
    cause: 'POE交换机供电不足，摄像头反复重启。',
    solution: '更换大功率POE交换机，摄像头画面全部恢复，补录正常。',
    prevention: '按摄像头功率核算POE预算，巡检时查看录像完整性。',
  },
  {
    category: 'other',
    titles: ['投影仪无信号', '会议室电视投屏失败', '教室音箱没声音', '电子白板触摸不准'],
    description: '笔记本连接投影仪后投影仪显示无信号，切换输入源也没有画面。',
    cause: 'HDMI转接头接触不良，笔记本未切换到复制显示模式。',
    solution: '更换转接头，按 Win+P 选择复制，投影正常。',
    prevention: '会议室常备两种转接头，桌面贴投屏操作说明。',
  },
];

export const PLACES = ['行政楼', '一号教学楼', '二号教学楼', '实验楼', '图书馆', '信息中心', '学生宿舍', '综合楼', '科研楼', '体育馆'];
export const DEVICES = [
  'ThinkCentre M920t',
  'OptiPlex 7090',
  '启天M428',
  'HP LaserJet M405d',
  '理光 MP 2014',
  'H3C S5130',
  'EPSON CB-X06',
  'HUAWEI AR1220',
  '海康 DS-7808',
];
export const COMMENTS = [
  '已收到，马上过去看看。',
  '请问是哪台电脑？麻烦提供一下资产标签上的编号。',
  '已经远程处理，请重启电脑后再试一下。',
  '需要更换配件，已联系供应商，预计两天到货。',
  '今天下午三点左右到现场处理。',
  '问题已经解决，请确认一下是否正常。',
  '还是不行，刚才又出现了同样的问题。',
  '好的，谢谢！现在正常了。',
];
export const NOTES = [
  '同一间办公室上周也报过类似问题，注意排查是否同一原因。',
  '用户电脑为老型号，建议列入明年更新计划。',
  '已在交换机上查看端口日志，有频繁up/down记录。',
  '备件库存不足，已登记采购。',
];
