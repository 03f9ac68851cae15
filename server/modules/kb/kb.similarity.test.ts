// The similarity scoring behind article suggestions: similar wording scores high, unrelated
// text scores nothing, and question words alone do not make two texts alike.
// Run: node --import tsx --test server/modules/kb/kb.similarity.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cjkBigrams, normaliseSearch } from '../../db/dialect.js';
import {
  idfWeight,
  scoreCandidates,
  similarityScore,
  similarityTokens,
  SUGGESTION_THRESHOLD,
  textContains,
  textSimilarity,
} from './kb.similarity.js';
import { articleSearchText, excerptOf, markdownPlain } from './kb.text.js';

/** Scores as suggestions do: every article is a candidate, weights from the corpus' bigrams. */
function scores(text: string, corpus: readonly { title: string; body: string }[]): Map<string, number> {
  const articles = corpus.map((a) => ({
    title: a.title,
    search_text: normaliseSearch(articleSearchText({ title: a.title, tags: [], bodyMarkdown: a.body })),
  }));
  const frequencies = new Map<string, number>();
  for (const a of articles) for (const g of cjkBigrams(a.search_text)) frequencies.set(g, (frequencies.get(g) ?? 0) + 1);
  const ranked = scoreCandidates(similarityTokens(text), articles, articles.length, frequencies);
  return new Map(ranked.map((r) => [r.candidate.title, r.score]));
}

const JAM = {
  title: '打印机卡纸',
  body: '**问题描述**\n\n打印时卡纸，纸拿不出来。\n\n**解决办法**\n\n关机后打开前盖，顺着进纸方向慢慢取出纸张。',
};
const DETAILED = '打印机又卡纸了 早上打印合同的时候纸卡在里面拿不出来';
const UNRELATED = '投影仪没有信号';
/** Thirty articles on the usual office faults, the paper-jam one among them. */
const OFFICE = [
  JAM,
  ...[
    ['打印机打印出来的字很淡', '更换硒鼓或碳粉。'],
    ['打印机无法连接网络', '检查网线和打印机的IP地址。'],
    ['无线网络连不上', '确认无线开关已打开，重新输入无线网络密码。'],
    ['电脑开不了机', '检查电源线和插座，按住电源键十秒。'],
    ['电脑运行很慢', '关闭开机启动项，清理磁盘空间。'],
    ['Outlook 收不到新邮件', '检查邮箱容量和收件规则。'],
    ['邮箱密码忘了', '在自助页面重置密码。'],
    ['VPN 连不上', '检查账号是否过期，重新安装客户端。'],
    ['共享文件夹打不开', '确认网络正常，重新映射网络驱动器。'],
    ['显示器黑屏', '检查视频线是否松动，换一根线试试。'],
    ['键盘按键失灵', '换一个USB口，或更换键盘。'],
    ['鼠标不动了', '更换电池或接收器。'],
    ['电话没有拨号音', '检查电话线，重启话机。'],
    ['复印机提示缺粉', '按提示更换粉盒。'],
    ['扫描仪扫描不了', '重新安装扫描驱动。'],
    ['网页打不开', '检查代理设置和DNS。'],
    ['办公软件激活失败', '联系管理员获取激活码。'],
    ['系统更新失败', '清理更新缓存后重试。'],
    ['会议室电视无法投屏', '确认电脑和电视在同一网络。'],
    ['U盘无法识别', '换一个USB口，检查磁盘管理。'],
    ['门禁卡刷不开', '到前台重新授权。'],
    ['考勤机不能打卡', '检查考勤机网络和时间。'],
    ['电脑中了病毒', '断开网络，运行杀毒软件全盘扫描。'],
    ['财务软件登录不了', '检查加密狗是否插好。'],
    ['文件误删了怎么恢复', '先检查回收站，再联系管理员从备份恢复。'],
    ['声音没有了', '检查音量和播放设备。'],
    ['摄像头打不开', '检查隐私设置中的摄像头权限。'],
    ['账号被锁定', '等待三十分钟或联系管理员解锁。'],
    ['新员工电脑申请', '填写申请单并由部门负责人审批。'],
  ].map(([title, body]) => ({ title: title!, body: body! })),
];

test('打印机卡纸 is close to 打印机总是卡纸怎么办', () => {
  const s = textSimilarity('打印机卡纸', '打印机总是卡纸怎么办');
  assert.ok(s > 0.5, `score ${s}`);
});

test('网络断了 and 打印机卡纸 share nothing', () => {
  assert.ok(textSimilarity('网络断了', '打印机卡纸') < 0.01);
  assert.ok(textSimilarity('网络断了', '打印机卡纸怎么办', '打开前盖，取出纸张') < 0.01);
});

test('question words alone do not make texts similar', () => {
  assert.ok(textSimilarity('电脑开不了机怎么办', '打印机卡纸怎么办') < SUGGESTION_THRESHOLD);
  assert.deepEqual([...similarityTokens('怎么办')], []);
});

test('a closer title ranks above a looser one', () => {
  const query = '打印机卡纸了';
  const close = textSimilarity(query, '打印机卡纸的处理办法');
  const loose = textSimilarity(query, '网络打印机无法连接', '检查打印机的网线');
  assert.ok(close > loose, `${close} <= ${loose}`);
  assert.ok(loose > 0);
});

test('Latin words count, whatever their case', () => {
  assert.ok(textSimilarity('Outlook 收不到邮件', 'outlook 邮箱收不到新邮件') > 0.5);
  assert.ok(similarityTokens('VPN 连不上').has('vpn'));
});

test('the body counts for coverage, the title for the rest', () => {
  const titleOnly = textSimilarity('无线网络密码', '无线网络密码');
  const inBody = textSimilarity('无线网络密码', '办公室上网须知', '访客无线网络密码在前台');
  assert.ok(titleOnly > 0.9, `${titleOnly}`);
  assert.ok(inBody > SUGGESTION_THRESHOLD && inBody < titleOnly, `${inBody}`);
});

test('common bigrams weigh less than rare ones', () => {
  // 打印 is in every article, 卡纸 in one: sharing only 打印 scores lower with the weights.
  const weight = idfWeight(
    100,
    new Map([
      ['打印', 100],
      ['卡纸', 1],
    ]),
  );
  const query = similarityTokens('打印卡纸');
  const commonOnly = similarityScore(query, similarityTokens('打印设置'), textContains('打印设置'), weight);
  const rareOnly = similarityScore(query, similarityTokens('卡纸处理'), textContains('卡纸处理'), weight);
  assert.ok(rareOnly > commonOnly, `${rareOnly} <= ${commonOnly}`);
});

test('an empty text scores zero', () => {
  assert.equal(textSimilarity('', '打印机'), 0);
  assert.equal(textSimilarity('！！', '打印机'), 0);
});

test('plain text drops Markdown and HTML markup but keeps the words', () => {
  const md = '# 标题\n\n[点这里](javascript:alert(1)) ![图](/x.png) <script>alert(1)</script> **加粗** `code`';
  const plain = markdownPlain(md);
  assert.doesNotMatch(plain, /javascript|<script|\*\*|\/x\.png/);
  assert.match(plain, /点这里/);
  assert.match(plain, /加粗/);
  assert.equal(excerptOf('a'.repeat(200), 10), `${'a'.repeat(10)}…`);
});

describe('detail in a report does not hide a matching article', () => {
  for (const [name, corpus] of [
    ['one article', [JAM]],
    ['thirty articles', OFFICE],
  ] as const) {
    test(name, () => {
      assert.equal(corpus.length, name === 'one article' ? 1 : 30);
      const detailed = scores(DETAILED, corpus).get(JAM.title)!;
      assert.ok(detailed >= SUGGESTION_THRESHOLD, `detailed report scores ${detailed}`);
      const short = scores('打印机卡纸了', corpus).get(JAM.title)!;
      assert.ok(short >= SUGGESTION_THRESHOLD, `short report scores ${short}`);
      const unrelated = scores(UNRELATED, corpus).get(JAM.title)!;
      assert.ok(unrelated < SUGGESTION_THRESHOLD, `unrelated report scores ${unrelated}`);
    });
  }

  test('with many articles the matching one still ranks first and common words weigh less', () => {
    const ranked = [...scores(DETAILED, OFFICE)].sort((a, b) => b[1] - a[1]);
    assert.equal(ranked[0]![0], JAM.title, JSON.stringify(ranked.slice(0, 3)));
    // 打印 is in several articles: a report sharing only that is not a paper jam.
    const toner = scores('打印出来的字很淡', OFFICE);
    assert.ok(toner.get('打印机打印出来的字很淡')! > toner.get(JAM.title)!);
    assert.ok(toner.get(JAM.title)! < SUGGESTION_THRESHOLD, `${toner.get(JAM.title)}`);
  });

  test('words another article holds still count against an article that lacks them', () => {
    // 网络 is in the knowledge base (other articles), so the jam article covers less of this text.
    const mixed = scores('打印机卡纸，网络也连不上', OFFICE).get(JAM.title)!;
    const plain = scores('打印机卡纸，早上也拿不出', OFFICE).get(JAM.title)!;
    assert.ok(mixed < plain, `${mixed} >= ${plain}`);
  });
});

test('the excerpt skips the headings an article opens with', () => {
  assert.equal(excerptOf('## 问题描述\n\n打印时卡纸\n\n## 解决办法\n\n取出纸张'), '打印时卡纸 解决办法 取出纸张');
  assert.equal(excerptOf('\n# 标题\r\n## 问题描述\r\n\r\n正文'), '正文');
  assert.equal(excerptOf('## 只有标题'), '只有标题');
  assert.equal(excerptOf('#话题 不是标题'), '#话题 不是标题');
});
