// Article Markdown rendered to static markup: whatever a writer types, no script element, no
// event-handler attribute and no javascript: (or other foreign scheme) address comes out, while
// ordinary Markdown (headings, tables, links, our images) still renders.
// Run: node --import tsx --test web/src/modules/kb/markdown.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import { MARKDOWN_OPTIONS, isRelative, safeImage, safeLink, schemeOf } from './markdown-options.js';

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, MARKDOWN_OPTIONS, source));

/** Every real tag of the markup (escaped text such as &lt;script&gt; is not a tag). */
const tags = (html: string) => [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)];
const attributesOf = (attrs: string) =>
  [...attrs.matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!.toLowerCase(), m[2] ?? ''] as const);

function assertHarmless(html: string) {
  for (const [, name, attrs] of tags(html)) {
    assert.notEqual(name!.toLowerCase(), 'script', html);
    assert.notEqual(name!.toLowerCase(), 'iframe', html);
    assert.notEqual(name!.toLowerCase(), 'object', html);
    assert.notEqual(name!.toLowerCase(), 'embed', html);
    for (const [attr, value] of attributesOf(attrs!)) {
      assert.doesNotMatch(attr, /^on/, `event handler in ${html}`);
      assert.notEqual(attr, 'style', `no style from the writer: ${html}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr)) {
        const decoded = value.replace(/&amp;/g, '&').replace(/&#x?[0-9a-f]+;/gi, '');
        assert.ok(['', 'http', 'https', 'mailto'].includes(schemeOf(decoded)), `${attr}="${value}" in ${html}`);
      }
    }
  }
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x]( javascript:alert(1))',
  '<a onclick="alert(1)">x</a>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<details open ontoggle=alert(1)>',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](vbscript:msgbox(1))',
  '<https://ok.example>',
  '[ref]: javascript:alert(1)\n\n[click][ref]',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<div style="background:url(javascript:alert(1))">x</div>',
];

test('no script, no on* attribute and no javascript: address comes out of hostile Markdown', () => {
  for (const source of HOSTILE) assertHarmless(render(source));
  assertHarmless(render(HOSTILE.join('\n\n')));
});

test('raw HTML is shown as text, not rendered', () => {
  const html = render('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
  assert.doesNotMatch(html, /<script/);
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('a refused link keeps its text but loses the address', () => {
  const html = render('[点我](javascript:alert(1))');
  assert.match(html, /点我/);
  assert.doesNotMatch(html, /<a /);
});

test('ordinary Markdown renders: headings, lists, tables, code, safe links and our images', () => {
  const html = render(
    [
      '## 处理方案',
      '',
      '1. 打开前盖',
      '2. 取出纸张',
      '',
      '| 型号 | 位置 |',
      '| --- | --- |',
      '| HP 1020 | 三楼 |',
      '',
      '`ipconfig /all`',
      '',
      '[厂家网站](https://example.com/support) [邮件](mailto:it@example.com) [另一篇](/kb/articles/3)',
      '',
      '![卡纸位置](/api/kb/articles/3/attachments/7)',
      '',
      '- [x] 已检查',
    ].join('\n'),
  );
  assert.match(html, /<h2>处理方案<\/h2>/);
  assert.match(html, /<ol>/);
  assert.match(html, /<table>/);
  assert.match(html, /<code>ipconfig \/all<\/code>/);
  assert.match(html, /href="https:\/\/example.com\/support" target="_blank" rel="noopener noreferrer nofollow"/);
  assert.match(html, /href="mailto:it@example.com"/);
  assert.match(html, /href="\/kb\/articles\/3"/);
  assert.match(html, /<img src="\/api\/kb\/articles\/3\/attachments\/7" alt="卡纸位置" loading="lazy" class="kb-md-image"/);
  assert.match(html, /type="checkbox"/);
  assertHarmless(html);
});

test('images from other sites are not loaded', () => {
  for (const src of ['https://evil.example/track.png', '//evil.example/x.png', 'http://x/y.png', ' //evil.example/x.png']) {
    const html = render(`![x](${src})`);
    assert.doesNotMatch(html, /<img/, src);
  }
  // The parser percent-encodes the backslash: what is left is a path on our own site.
  const html = render('![x](/\\evil.example/x.png)');
  for (const [, , attrs] of tags(html))
    for (const [attr, value] of attributesOf(attrs!)) if (attr === 'src') assert.ok(isRelative(value) && !value.includes('\\'), value);
});

test('the address checks', () => {
  assert.equal(schemeOf('JAVASCRIPT:x'), 'javascript');
  assert.equal(schemeOf(' \tjava\nscript:x'), 'javascript');
  assert.equal(schemeOf('/a:b'), '');
  assert.equal(safeLink('javascript:alert(1)'), '');
  assert.equal(safeLink('https://example.com'), 'https://example.com');
  assert.equal(safeLink('#section'), '#section');
  assert.equal(safeImage('data:image/png;base64,AAAA'), '');
  assert.equal(isRelative('//evil.example/x'), false);
  assert.equal(isRelative('images/a.png'), true);
});
