// The knowledge base of the demo's IT offices (知识库): how-tos and FAQ entries every member of
// staff may read, and the technicians' own notes, in Markdown as they would write them (headings,
// numbered steps, tables, ~~~ code blocks). A few are drafted from resolved tickets in the
// tickets' own words and then tidied up (kb-step.ts); some were revised later.
// Every address, name and number is invented: mail and VPN hosts are under example.com.

export interface ArticleSpec {
  title: string;
  /** Value of the kb_category dictionary (the knowledge base declares it). */
  category: 'faq' | 'howto' | 'troubleshooting' | 'network' | 'printing' | 'software' | 'account' | 'policy';
  tags: string[];
  /** staff: an FAQ entry everyone signed in may read; technicians: the IT staff's own notes. */
  visibility: 'staff' | 'technicians';
  status?: 'draft';
  /** Person key of the IT staff member who wrote it. */
  author: string;
  writtenDaysAgo: number;
  body: string;
  /** A later edit: the earlier text stays as a revision. */
  revision?: { daysAgo: number; author: string; title?: string; body: string };
  /** Roughly how often it was opened. */
  views: number;
}

/** Articles written from a resolved ticket of a story (the first one resolved), then tidied up. */
export interface FromTicketSpec {
  story: string;
  title: string;
  category: ArticleSpec['category'];
  tags: string[];
  visibility: ArticleSpec['visibility'];
  body: string;
  views: number;
}

const WIFI_V1 = `## 适用范围

学校和公司办公区的无线网络。

## 网络名称

| 名称（SSID） | 谁用 | 怎么登录 |
|---|---|---|
| XH-Teacher | 学校教职工 | 工号 + 统一身份认证密码 |
| XH-Guest | 访客 | 找信息中心领取当天的访客密码 |
| XK-Office | 公司员工 | 域账号 + 密码 |
| XK-Guest | 公司访客 | 前台领取访客密码 |

## 手机连接步骤

1. 打开“设置 → WLAN”，选择 **XH-Teacher**（公司选 **XK-Office**）。
2. EAP 方法选 **PEAP**，阶段 2 身份验证选 **MSCHAPV2**。
3. CA 证书选“不验证”（部分手机叫“不检查”）。
4. 身份填工号（公司填域账号），密码填统一身份认证密码。

## 连不上怎么办

- 确认密码最近没有改过；改过密码后要在手机上“忘记此网络”再重新连接。
- 教室里信号弱时，尽量靠近讲台一侧的 AP。
- 仍然不行请报修，注明位置（楼层、房间号）和手机型号。`;

const WIFI_V2 = `${WIFI_V1}

## 密码修改提醒

统一身份认证密码每 180 天需要修改一次。改完密码后，**手机、平板和笔记本上保存的无线密码都要更新**，
否则设备会用旧密码反复尝试，导致账号被锁定（见《密码重置流程》）。`;

const VPN_V1 = `## 谁需要 VPN

出差或在家时访问公司内网系统（OA、文件服务器、研发环境）的同事。

## 安装

1. 在公司内网打开软件库，下载“VPN 客户端”并安装。
2. 服务器地址填 \`vpn.example.com\`。
3. 用户名、密码与电脑开机的域账号相同；首次登录需绑定手机令牌。

## 常见问题

| 现象 | 处理 |
|---|---|
| 提示“连接超时” | 换一个网络（如手机热点）试试，确认本机能上外网 |
| 提示“证书错误” | 客户端版本过旧，按上面的步骤重新安装 |
| 连上后打不开内网网站 | 断开后重新连接；仍不行请报修并截图 |`;

const VPN_V2 = `${VPN_V1}

## 酒店、机场网络连不上

部分酒店和机场的网络屏蔽了 VPN 默认使用的 UDP 端口。此时在客户端“设置 → 连接方式”中选 **TCP 443**，
再连接即可。`;

export const ARTICLES: ArticleSpec[] = [
  {
    title: '无线网络连接指南',
    category: 'network',
    tags: ['无线', 'WiFi', '手机'],
    visibility: 'staff',
    author: 'school.it.network.admin.1',
    writtenDaysAgo: 420,
    body: WIFI_V1,
    revision: { daysAgo: 35, author: 'school.it.network.admin.1', body: WIFI_V2 },
    views: 48,
  },
  {
    title: 'VPN 使用说明',
    category: 'network',
    tags: ['VPN', '出差', '远程办公'],
    visibility: 'staff',
    author: 'company.it.network',
    writtenDaysAgo: 380,
    body: VPN_V1,
    revision: { daysAgo: 60, author: 'company.it.network', title: 'VPN 使用说明（含酒店网络）', body: VPN_V2 },
    views: 31,
  },
  {
    title: '邮箱客户端设置（Outlook 和手机）',
    category: 'software',
    tags: ['邮箱', 'Outlook', '手机'],
    visibility: 'staff',
    author: 'company.it.desktop',
    writtenDaysAgo: 350,
    views: 27,
    body: `## 服务器参数

| 项目 | 值 |
|---|---|
| 收件服务器（IMAP） | mail.example.com，端口 993，SSL |
| 发件服务器（SMTP） | mail.example.com，端口 465，SSL |
| 用户名 | 完整的邮箱地址 |
| 密码 | 域账号密码 |

## Outlook 添加账户

1. 打开 Outlook，点“文件 → 添加账户”。
2. 输入邮箱地址，点“高级选项”，勾选“让我手动设置我的账户”。
3. 选 **IMAP**，按上表填写服务器和端口，点“连接”。
4. 输入密码，完成。

## 改了域账号密码之后

Outlook 会不停弹出密码框。请打开“控制面板 → 凭据管理器 → Windows 凭据”，删除含 \`mail.example.com\`
的条目，然后重新打开 Outlook 输入新密码。

## 邮箱满了

邮箱容量为 5 GB，用到 90% 时会收到提醒。把旧邮件归档到本地（“文件 → 工具 → 清理旧项目”），或删除带大附件的邮件。`,
  },
  {
    title: '密码重置流程',
    category: 'account',
    tags: ['密码', '账号锁定'],
    visibility: 'staff',
    author: 'school.it.systems.admin.1',
    writtenDaysAgo: 300,
    views: 56,
    body: `## 忘记密码

1. 在登录页点“忘记密码”，用预留手机号接收验证码重置。
2. 预留手机号已停用的，请本人带工作证到信息中心（行政楼 301）或电话联系 IT，核实身份后重置。

## 账号被锁定

连续输错 5 次密码会锁定 30 分钟。**最常见的原因是手机或平板上保存着旧密码**，在后台反复自动登录。

1. 先把手机的邮箱、无线网络里保存的旧密码删掉或更新。
2. 等 30 分钟自动解锁，急用可报修请 IT 立即解锁。

## 密码要求

- 至少 10 位，包含字母和数字；
- 不能包含工号或姓名拼音；
- 每 180 天修改一次。

> 信息中心不会通过电话或邮件向你索要密码。`,
  },
  {
    title: '新员工电脑领用',
    category: 'howto',
    tags: ['入职', '领用', '电脑'],
    visibility: 'staff',
    author: 'company.it.manager',
    writtenDaysAgo: 260,
    views: 19,
    body: `## 流程

1. 部门负责人在入职前 3 个工作日提交“新员工入职”工单，写明姓名、部门、岗位和入职日期。
2. IT 准备笔记本（预装系统和常用软件），开通域账号、邮箱和 VPN。
3. 入职当天到 IT 部办公室（1303）领取电脑，**在领用单上签字**。
4. 当场修改初始密码，确认邮箱能收发。

## 领用的设备

| 岗位 | 标准配置 |
|---|---|
| 行政、财务、销售 | ThinkPad E14 笔记本、鼠标、电脑包 |
| 研发 | MacBook Pro 14 或 ThinkPad，外接显示器一台 |

## 离职

离职前把电脑和配件交还 IT 部，IT 清除个人数据后在台账上做“交还”。`,
  },
  {
    title: '常见蓝屏处理（使用人自查）',
    category: 'troubleshooting',
    tags: ['蓝屏', 'Windows'],
    visibility: 'staff',
    author: 'school.it.desktop',
    writtenDaysAgo: 240,
    views: 33,
    body: `电脑蓝屏后会自动重启。请先**拍下蓝屏画面**（尤其是“终止代码”），报修时附上照片。

## 先自己试试

1. 最近插了新的 U 盘、打印机或其他设备的，拔掉后重启。
2. 最近装了新软件或驱动的，在“设置 → 应用”里卸载。
3. 电脑很热、风扇很响的，关机让它凉一会儿，不要放在被子、沙发上用。

## 常见终止代码

| 终止代码 | 常见原因 |
|---|---|
| MEMORY_MANAGEMENT | 内存接触不良或损坏 |
| IRQL_NOT_LESS_OR_EQUAL | 驱动不兼容（网卡、显卡） |
| CRITICAL_PROCESS_DIED | 系统文件损坏 |
| INACCESSIBLE_BOOT_DEVICE | 硬盘故障或硬盘模式被改 |

一天蓝屏两次以上，或开机就蓝屏，请直接报修，**不要反复强制重启**，以免损坏硬盘上的资料。`,
  },
  {
    title: '如何报修：在网管台提交工单',
    category: 'faq',
    tags: ['报修', '工单'],
    visibility: 'staff',
    author: 'school.it.director',
    writtenDaysAgo: 200,
    views: 64,
    body: `## 提交报修

1. 登录网管台，点“报修”。
2. 一句话写清**什么东西、出了什么问题**，例如“高一年级办公室打印机卡纸”。
3. 选上出问题的设备（你名下的设备会列出来），拍一张照片附上。
4. 提交后会得到工单号（如 GZ-20261104-0003），可以在“我的报修”里看进度和回复。

## 多久有人处理

| 优先级 | 例子 | 响应 | 解决 |
|---|---|---|---|
| 紧急 | 整层断网、教务系统打不开 | 15 分钟 | 4 小时 |
| 高 | 上课投影不能用、监控画面丢失 | 30 分钟 | 1 个工作日 |
| 普通 | 电脑、打印机、邮箱故障 | 2 小时 | 3 个工作日 |
| 低 | 安装软件、增加网口 | 1 个工作日 | 5 个工作日 |

时间按工作时间计算（周一至周五 8:30–12:00、13:30–17:30）。

## 解决以后

技术员处理完会写明原因和处理办法，请在“我的报修”里确认；没有解决可以重新打开，7 天不确认会自动关闭。`,
  },
  {
    title: '打印机卡纸怎么取',
    category: 'printing',
    tags: ['打印机', '卡纸'],
    visibility: 'staff',
    author: 'school.it.desktop',
    writtenDaysAgo: 180,
    views: 41,
    body: `1. **先关机**，等 10 分钟让定影器冷却（里面很烫）。
2. 打开前盖，取出硒鼓，顺着进纸方向慢慢抽出卡住的纸。
3. 前面看不到纸的，打开**后盖**，从后面取。
4. 纸撕断在里面时不要用镊子、剪刀去夹，请报修。
5. 装回硒鼓，合上盖子，开机打一张测试页。

## 少卡纸的小习惯

- 纸拆封后放在柜子里，不要放在窗台上受潮。
- 纸盒里的纸不要超过最高刻度线，装纸前把纸抖一抖。
- 不要用打印过的纸、带订书钉的纸再打印。`,
  },
  {
    title: '教室和机房电脑使用须知',
    category: 'faq',
    tags: ['教室', '还原系统', 'U盘'],
    visibility: 'staff',
    author: 'school.it.desktop',
    writtenDaysAgo: 330,
    views: 22,
    body: `## 为什么我存的文件不见了

教室和计算机教室的电脑装有**还原系统**，重启后 C 盘和桌面恢复原样。课件请存到 **D 盘**、U 盘或文件服务器。

## U 盘插上没反应

- 教室电脑关闭了 U 盘“自动播放”，插上后请打开“此电脑”手动打开 U 盘。
- 插 U 盘后文件夹变成了快捷方式，是 U 盘中了病毒，**不要双击快捷方式**，请报修。

## 下课以后

请关闭投影仪和电脑，投影仪关机后等风扇停转再断电。`,
  },
  {
    title: '电脑变慢自查',
    category: 'troubleshooting',
    tags: ['电脑慢', 'Windows'],
    visibility: 'staff',
    author: 'company.it.desktop',
    writtenDaysAgo: 150,
    views: 18,
    body: `1. 按 **Ctrl + Shift + Esc** 打开任务管理器，看“CPU”“内存”“磁盘”哪一项接近 100%。
2. 关掉占用最高又用不到的程序（常见：下载工具、网盘同步、浏览器开了几十个标签页）。
3. “设置 → 应用 → 启动”里关掉不需要开机启动的程序。
4. C 盘剩余空间小于 10 GB 时，清理“下载”文件夹和回收站。
5. 一周至少重启一次电脑，不要一直睡眠。

做完仍然很慢，请报修并写明“什么时候开始慢、做什么时慢”。`,
  },
  {
    title: '会议室视频会议使用说明',
    category: 'howto',
    tags: ['会议室', '视频会议', '投影'],
    visibility: 'staff',
    author: 'company.it.desktop',
    writtenDaysAgo: 120,
    views: 15,
    body: `## 开会前

1. 打开会议平板（遥控器红色电源键），默认进入会议桌面。
2. 笔记本投屏：连接会议室无线 **XK-Meeting**，打开“无线投屏”软件，输入平板右上角的投屏码。
3. 视频会议：在平板上打开会议软件，扫码登录自己的账号后入会。

## 话筒和摄像头

- 桌面全向麦克风亮绿灯表示正常，红灯表示已静音，轻点一下切换。
- 摄像头会自动跟踪发言人，不需要手动调整。

## 重要会议

外部来宾参加的会议，请至少提前一个工作日提交“会议保障”工单，IT 会提前到场调试。`,
  },
  {
    title: '文件服务器个人目录的使用',
    category: 'howto',
    tags: ['文件服务器', '共享', '备份'],
    visibility: 'staff',
    author: 'school.it.systems.admin.1',
    writtenDaysAgo: 280,
    views: 24,
    body: `每位教职工在文件服务器上有 20 GB 的个人目录，每天晚上自动备份。

## 映射成网络驱动器

1. 打开“此电脑”，点“映射网络驱动器”。
2. 驱动器选 **Z:**，文件夹填下面的地址，勾选“登录时重新连接”。
3. 用户名和密码填统一身份认证账号。

~~~
\\\\files.example.com\\home\\你的工号
~~~

也可以在命令提示符中执行：

~~~
net use Z: \\\\files.example.com\\home\\工号 /persistent:yes
~~~

## 误删了文件

个人目录保留 30 天的历史版本：右键文件夹 →“属性 → 以前的版本”可以自己找回。`,
  },
  {
    title: '识别钓鱼邮件',
    category: 'policy',
    tags: ['信息安全', '邮箱', '钓鱼'],
    visibility: 'staff',
    author: 'company.it.manager',
    writtenDaysAgo: 90,
    views: 37,
    body: `## 可疑的迹象

- 发件人地址与显示名对不上，或域名拼写很像但不一样（如 examp1e.com）。
- 催你“立即”登录、付款、修改密码，或者说账号即将被停用。
- 附件是压缩包、.exe、.html，或要求“启用宏”的 Office 文档。
- 链接指向的地址（鼠标悬停可看到）与正文说的网站不一致。

## 收到以后

1. 不点链接、不开附件、不回复。
2. 把邮件作为附件转发给 IT（security@example.com），然后删除。
3. 已经点了链接或输入了密码的，**马上报修**并修改密码。

财务付款、修改收款账户一类的要求，一律电话向本人核实。`,
  },
  {
    title: '计算机设备使用管理办法（摘要）',
    category: 'policy',
    tags: ['制度', '设备管理'],
    visibility: 'staff',
    author: 'school.it.director',
    writtenDaysAgo: 560,
    views: 12,
    body: `## 一、领用和保管

1. 计算机设备由信息中心统一登记入账，领用时签字确认，使用人负责日常保管。
2. 设备不得私自拆机、更换配件或转借他人；调动、离职时交还信息中心。

## 二、日常使用

1. 不得私自安装与工作无关的软件，不得私接路由器等网络设备。
2. 重要资料存放在文件服务器个人目录，信息中心不负责本机资料的恢复。
3. 下班时关闭电脑和显示器电源。

## 三、故障和维修

1. 设备故障通过网管台报修，不得自行联系外部人员维修。
2. 需要送修或更换配件的，由信息中心联系厂家，费用超过 500 元的报分管领导审批。

## 四、报废

设备达到使用年限或无法修复的，由信息中心鉴定后按资产管理规定办理报废。`,
  },
  {
    title: '机房巡检要点',
    category: 'policy',
    tags: ['机房', '巡检', 'UPS'],
    visibility: 'technicians',
    author: 'school.it.director',
    writtenDaysAgo: 500,
    views: 26,
    body: `每个工作日上午 9 点前巡检一次，结果记在巡检表里；发现异常当场报修并注明“巡检发现”。

| 项目 | 正常范围 | 怎么看 |
|---|---|---|
| 温度 | 18–27 ℃ | 机柜前温湿度计 |
| 湿度 | 40%–60% | 同上 |
| 精密空调 | 无告警、出风正常 | 空调面板 |
| UPS | 市电供电、负载 < 70%、无告警 | UPS 面板 / 监控 |
| 服务器 | 前面板无橙色告警灯 | 目视 |
| 核心交换机 | 电源、风扇指示灯绿色 | 目视，日志无新告警 |
| 备份 | 昨晚任务成功 | 备份服务器任务列表 |

## 注意

- 进出机房刷卡登记，外来人员全程陪同。
- 机房内不放纸箱等可燃物，灭火器在门口右侧。
- 停电时按《机房停电应急预案》先关备用服务器，延长主服务器的供电时间。`,
  },
  {
    title: '核心交换机配置备份与恢复',
    category: 'network',
    tags: ['交换机', '配置备份', '华三', '华为'],
    visibility: 'technicians',
    author: 'school.it.network.admin.1',
    writtenDaysAgo: 310,
    views: 14,
    body: `配置每周日凌晨由备份服务器通过 SFTP 自动拉取，保存在 \`/backup/netcfg/日期/\`。改配置前请**手工再备一份**。

## 手工备份（华三）

~~~
<core-sw> save force
<core-sw> tftp 10.10.1.20 put startup.cfg core-sw-20260101.cfg
~~~

## 手工备份（华为）

~~~
<agg-sw01> save
<agg-sw01> tftp 10.10.1.20 put vrpcfg.zip agg-sw01-20260101.zip
~~~

## 恢复

1. 用 Console 线连接交换机，确认能进入命令行。
2. 把备份文件传回交换机：\`tftp 10.10.1.20 get 文件名 startup.cfg\`。
3. 指定为下次启动配置：\`startup saved-configuration startup.cfg\`，然后 \`reboot\`。
4. 重启后检查上联口、VLAN 和 OSPF 邻居是否正常。

> 更换 RMA 交换机时，先核对新设备的软件版本与旧设备一致，再导入配置。`,
  },
  {
    title: '新学期多媒体教室检查清单',
    category: 'howto',
    tags: ['开学', '投影', '教室'],
    visibility: 'technicians',
    author: 'school.it.desktop',
    writtenDaysAgo: 110,
    views: 9,
    body: `开学前一周逐间检查，发现问题当场登记工单（来源选“其他”，备注“开学检查”）。

1. 讲台电脑：开机、登录、还原系统生效、时间正确。
2. 投影仪：HDMI 和 VGA 两路信号都能显示，亮度正常，灯泡小时数记入台账。
3. 交互平板：触摸校准、希沃白板能打开。
4. 扩声：话筒电池、音箱音量。
5. 无线：教室内手机连接 XH-Teacher 测速，低于 50 Mbps 的记下来。
6. 讲台抽屉：HDMI 线、Type-C 转接头、翻页笔各一。

| 楼层 | 负责 | 完成日期 |
|---|---|---|
| 教学楼 1–2 楼 | 桌面运维 | 开学前第 5 天 |
| 教学楼 3–4 楼、阶梯教室 | 网络组 | 开学前第 4 天 |
| 实验楼计算机教室 | 系统组 | 开学前第 3 天 |`,
  },
  {
    title: '计算机教室还原系统与同传',
    category: 'howto',
    tags: ['机房', '还原系统', '同传'],
    visibility: 'technicians',
    author: 'school.it.systems.admin.1',
    writtenDaysAgo: 460,
    views: 11,
    body: `## 日常

学生机开机自动还原 C 盘；D 盘“作业”目录不还原，每学期末清空。

## 安装新软件

1. 在教师机上打开同传管理端，选“母机”（LAB1-01）。
2. 母机进入**保留模式**开机，安装软件并测试。
3. 母机重启进入同传发送模式，其余学生机进入接收模式。
4. 发送完成后所有机器重启，逐台确认软件可用、IP 正确（同传会按序号自动改 IP 和计算机名）。

## 单台机器恢复

硬盘更换后，该机器开机按 **F11** 进入接收端，在管理端只选这一台发送即可。`,
  },
  {
    title: 'UPS 告警与电池更换流程',
    category: 'troubleshooting',
    tags: ['UPS', '机房', '电池'],
    visibility: 'technicians',
    author: 'school.it.network.admin.1',
    writtenDaysAgo: 240,
    views: 8,
    body: `## 告警类型

| 面板显示 | 含义 | 处理 |
|---|---|---|
| 电池供电 | 市电中断 | 确认停电范围，准备按预案关机 |
| 电池故障 / 需更换 | 自检失败 | 联系 UPS 服务商，报领导审批更换 |
| 过载 | 负载超过 100% | 立即关闭非关键设备 |

## 更换电池

1. 报修工单写明 UPS 型号和电池组规格（16 节 12V 9Ah）。
2. 电池更换费用超过 500 元，在工单里“提交领导决定”。
3. 与服务商约定时间，避开考试周和月底结账。
4. 更换时 UPS 转旁路，更换完成后做一次自检和 5 分钟放电测试。`,
  },
  {
    title: '监控录像机硬盘更换',
    category: 'troubleshooting',
    tags: ['监控', '录像机', '硬盘'],
    visibility: 'technicians',
    author: 'school.it.network.admin.1',
    writtenDaysAgo: 190,
    views: 6,
    body: `1. 在录像机“存储 → 硬盘管理”里确认故障盘的盘位号（状态为“异常”或“休眠”）。
2. 通知监控室，关闭录像机电源（录像中断约 20 分钟）。
3. 更换同容量监控级硬盘，开机后在硬盘管理里**初始化新盘**。
4. 检查“录像计划”中各通道是否恢复录像，半小时后回放确认。

> 学校规定监控录像至少保留 30 天；硬盘使用满 3 年的分批更换。`,
  },
  {
    title: '新员工入职 IT 开通清单',
    category: 'howto',
    tags: ['入职', '账号'],
    visibility: 'technicians',
    author: 'company.it.manager',
    writtenDaysAgo: 230,
    views: 10,
    body: `- [ ] 域账号（登录名 = 邮箱前缀），加入部门安全组
- [ ] 邮箱 5 GB，加入部门通讯组
- [ ] VPN 账号，绑定手机令牌
- [ ] OA 账号，部门和岗位
- [ ] 笔记本：系统、Office、杀毒、VPN 客户端，资产标签贴好
- [ ] 网管台台账：领用给本人，签字
- [ ] 打印《账号说明》交给本人，当面改初始密码`,
  },
  {
    title: '备份策略与恢复演练',
    category: 'policy',
    tags: ['备份', '服务器'],
    visibility: 'technicians',
    author: 'school.it.systems.admin.1',
    writtenDaysAgo: 400,
    views: 13,
    body: `| 系统 | 方式 | 频率 | 保留 |
|---|---|---|---|
| 教务系统数据库 | 全量 + 日志 | 每天 23:00 全量，每小时日志 | 4 个全量，30 天日志 |
| 一卡通数据库 | 全量 | 每天 23:30 | 30 天 |
| 文件服务器 | 增量 | 每天 1:00 | 30 天 |
| 虚拟机 | 快照备份 | 每周日 2:00 | 4 周 |

每学期做一次恢复演练：把教务系统前一天的备份恢复到测试虚拟机，核对成绩表记录数，结果写进演练记录。`,
  },
  {
    title: '打印服务器迁移方案',
    category: 'printing',
    tags: ['打印机', '迁移'],
    visibility: 'technicians',
    status: 'draft',
    author: 'school.it.systems.admin.1',
    writtenDaysAgo: 12,
    views: 0,
    body: `## 目标

把各办公室直连的网络打印机统一加到打印服务器，用组策略下发，减少“打印机脱机”。

## 步骤（待讨论）

1. 所有打印机改固定 IP，登记在台账。
2. 在打印服务器上安装驱动并共享。
3. 组策略按部门下发打印机。

待定：寒假期间实施还是分批实施？`,
  },
  {
    title: '教师网盘使用说明',
    category: 'howto',
    tags: ['网盘', '文件'],
    visibility: 'staff',
    status: 'draft',
    author: 'school.it.desktop',
    writtenDaysAgo: 5,
    views: 0,
    body: `（草稿，网盘正式开通后发布）

1. 浏览器打开网盘地址，用统一身份认证登录。
2. 每人 50 GB 空间，可以分享链接给学生。`,
  },
];

export const FROM_TICKETS: FromTicketSpec[] = [
  {
    story: 'printer-offline',
    title: '打印机显示“脱机”怎么办',
    category: 'printing',
    tags: ['打印机', '脱机'],
    visibility: 'staff',
    views: 52,
    body: `电脑上打印机图标变灰、显示“脱机”，或者文档一直停在打印队列里。

## 自己先试

1. 看打印机屏幕有没有报错（缺纸、卡纸、缺粉），先处理报错。
2. 打印机关机 10 秒再开，等它完全就绪。
3. 在电脑上打开“设置 → 蓝牙和其他设备 → 打印机”，选中打印机，点“打开打印队列”，菜单“打印机”里取消勾选“脱机使用打印机”。
4. 队列里有卡住的文档，右键“取消”，再重新打印。

## 还是不行

请报修，写明是哪个办公室的打印机，以及别的同事能不能打印。

## 技术员处理参考

- 打印机 IP 变化：在交换机上为打印机绑定固定地址，电脑端口改回该地址。
- 打印队列卡死：停止 Print Spooler 服务，清空 \`C:\\Windows\\System32\\spool\\PRINTERS\`，再启动服务。`,
  },
  {
    story: 'projector-no-signal',
    title: '投影仪无信号：连接笔记本电脑',
    category: 'faq',
    tags: ['投影', '笔记本', '教室'],
    visibility: 'staff',
    views: 45,
    body: `## 接线

1. 用讲台上的 HDMI 线连接笔记本；只有 Type-C 口的笔记本，用讲台抽屉里**带视频输出**的转接头。
2. 投影遥控器按“信号源”，选 **HDMI1**。

## 笔记本上

按 **Win + P**，选“复制”。Mac 电脑在“系统设置 → 显示器”里打开镜像。

## 还是无信号

- 把 HDMI 线两头重新插紧；
- 换讲台电脑试一下，判断是笔记本还是投影仪的问题；
- 画面很暗或闪烁，可能是灯泡到期了，请报修。`,
  },
  {
    story: 'disk-full',
    title: '服务器磁盘空间告警处理记录',
    category: 'troubleshooting',
    tags: ['服务器', '磁盘', '告警'],
    visibility: 'technicians',
    views: 12,
    body: `## 先看是谁占的

~~~
df -h
du -xh --max-depth=2 /var | sort -h | tail -20
~~~

## 常见原因

| 原因 | 处理 |
|---|---|
| 应用日志没有轮转 | 压缩归档旧日志，配置 logrotate 按周轮转保留 8 周 |
| 备份保留太多 | 调整为 4 个全量 + 30 天增量，删除过期备份 |
| 数据增长 | 评估增长，提交扩容申请（领导审批） |

## logrotate 示例

~~~
/var/log/app/*.log {
    weekly
    rotate 8
    compress
    missingok
    notifempty
}
~~~

磁盘告警阈值：80% 提醒，90% 告警，95% 紧急。`,
  },
];
