// The similarity scoring behind article suggestions: similar wording scores high, unrelated
// text scores nothing, and question words alone do not make two texts alike.
// Run: node --import tsx --test server/modules/kb/kb.similarity.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idfWeight, similarityScore, similarityTokens, SUGGESTION_THRESHOLD, textContains, textSimilarity } from './kb.similarity.js';
import { excerptOf, markdownPlain } from './kb.text.js';

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
