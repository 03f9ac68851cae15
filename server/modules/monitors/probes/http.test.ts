// The HTTP(S) probe against real servers on loopback: status ranges, keywords (within the first
// MiB only), redirects (relative, chains, loops, https → http, off-origin credentials), basic auth,
// custom headers, hung and half-finished responses, and self-signed certificates near expiry.
// Run: node --import tsx --test server/modules/monitors/probes/http.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { httpTarget, type TargetOf } from '../../../../shared/contracts/monitor-targets.js';
import { AUTH, BIG_LIMIT, KEYWORD, startHttpPeer, startHttpsPeer, type HttpPeer } from '../../../test/peers/http.js';
import { closedPort, startBlackHole, type BlackHole } from '../../../test/peers/tcp.js';
import { httpProbe, MAX_REDIRECTS } from './http.js';
import type { ProbeContext } from './probe.types.js';

type HttpTarget = TargetOf<'http'>;

function ctx(timeoutMs = 2000, signal: AbortSignal = new AbortController().signal, password?: string): ProbeContext {
  return { signal, timeoutMs, secrets: password === undefined ? {} : { password }, memory: new Map(), now: () => Date.now() };
}

const target = (url: string, over: Partial<HttpTarget> = {}): HttpTarget => ({ ...httpTarget.parse({ kind: 'http', url }), ...over });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const openSockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

let web: HttpPeer;
let secure: HttpPeer;
let expired: HttpPeer;
let hole: BlackHole;

before(async () => {
  [web, secure, expired, hole] = await Promise.all([
    startHttpPeer(),
    startHttpsPeer({ days: 5 }),
    startHttpsPeer({ days: -2 }),
    startBlackHole(),
  ]);
});
after(async () => {
  await Promise.all([web?.close(), secure?.close(), expired?.close(), hole?.close()]);
});

describe('status and keyword', () => {
  test('a page with the keyword is up, with its status and response time', async () => {
    const r = await httpProbe(target(`${web.url}/keyword`, { keyword: KEYWORD }), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual(r.metrics, { status: 200 });
    assert.ok(r.latencyMs! >= 0 && r.latencyMs! < 1000);
    assert.equal(r.facts, undefined);
    assert.equal(r.reason, undefined);
    // The body is read as UTF-8.
    assert.equal((await httpProbe(target(`${web.url}/keyword`, { keyword: '网管台' }), ctx())).ok, true);
  });

  test('keyword missing, keyword found where it must be absent', async () => {
    const missing = await httpProbe(target(`${web.url}/keyword`, { keyword: 'not on the page' }), ctx());
    assert.equal(missing.ok, false);
    assert.equal(missing.reason, 'keyword_missing');
    assert.equal(missing.metrics?.status, 200);
    const found = await httpProbe(target(`${web.url}/keyword`, { keyword: KEYWORD, keywordMode: 'absent' }), ctx());
    assert.equal(found.reason, 'keyword_found');
    assert.equal((await httpProbe(target(`${web.url}/keyword`, { keyword: 'nope', keywordMode: 'absent' }), ctx())).ok, true);
  });

  test('a status outside the range is status_mismatch with the status; a custom range accepts it', async () => {
    const r = await httpProbe(target(`${web.url}/status/503`), ctx());
    assert.equal(r.ok, false);
    assert.equal(r.reason, 'status_mismatch');
    assert.deepEqual(r.detail, { status: 503 });
    assert.equal(typeof r.latencyMs, 'number');
    assert.equal((await httpProbe(target(`${web.url}/status/404`, { statusMin: 400, statusMax: 404 }), ctx())).ok, true);
    assert.equal((await httpProbe(target(`${web.url}/status/204`, { method: 'HEAD' }), ctx())).ok, true);
  });

  test('custom headers are sent; credentials in the URL are not', async () => {
    const before = web.requests.length;
    const url = `http://someone:secret@127.0.0.1:${web.port}/headers`;
    const r = await httpProbe(target(url, { headers: [{ name: 'X-Sysward-Check', value: 'yes please' }] }), ctx());
    assert.equal(r.ok, true);
    const seen = web.requests.slice(before);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.headers['x-sysward-check'], 'yes please');
    assert.equal(seen[0]!.headers.authorization, undefined);
  });

  test('basic auth uses the secret password', async () => {
    const url = `${web.url}/auth`;
    assert.equal((await httpProbe(target(url, { basicAuthUser: AUTH.user }), ctx(2000, undefined, AUTH.password))).ok, true);
    const wrong = await httpProbe(target(url, { basicAuthUser: AUTH.user }), ctx(2000, undefined, 'guess'));
    assert.deepEqual([wrong.reason, wrong.detail], ['status_mismatch', { status: 401 }]);
    assert.equal((await httpProbe(target(url), ctx())).detail?.status, 401);
  });
});

describe('redirects', () => {
  test('a chain of relative redirects is followed to the page, and the final URL is a fact', async () => {
    const r = await httpProbe(target(`${web.url}/redirect/3`, { keyword: KEYWORD }), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.facts?.final_url, `${web.url}/keyword`);
  });

  test('not following: the redirect itself is the answer', async () => {
    const r = await httpProbe(target(`${web.url}/redirect/3`, { followRedirects: false }), ctx());
    assert.equal(r.ok, true);
    assert.equal(r.metrics?.status, 302);
    assert.equal(r.facts, undefined);
    const strict = await httpProbe(target(`${web.url}/redirect/3`, { followRedirects: false, statusMax: 299 }), ctx());
    assert.deepEqual(strict.detail, { status: 302 });
  });

  test('a redirect loop stops after the limit with too_many_redirects', async () => {
    const before = web.requests.length;
    const r = await httpProbe(target(`${web.url}/loop`), ctx());
    assert.equal(r.reason, 'too_many_redirects');
    assert.equal(web.requests.length - before, MAX_REDIRECTS + 1);
  });

  test('HEAD stays HEAD across redirects', async () => {
    const before = web.requests.length;
    assert.equal((await httpProbe(target(`${web.url}/redirect/2`, { method: 'HEAD' }), ctx())).ok, true);
    assert.deepEqual(
      web.requests.slice(before).map((q) => q.method),
      ['HEAD', 'HEAD', 'HEAD'],
    );
  });

  test('https → http is followed; credentials stay with the configured origin', async () => {
    const before = web.requests.length;
    const url = `${secure.url}/to?url=${encodeURIComponent(`${web.url}/headers`)}`;
    const r = await httpProbe(
      target(url, {
        ignoreTlsErrors: true,
        basicAuthUser: 'u',
        headers: [
          { name: 'Authorization', value: 'Bearer t' },
          { name: 'X-Keep', value: '1' },
        ],
      }),
      ctx(2000, undefined, 'p'),
    );
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.facts?.final_url, `${web.url}/headers`);
    assert.ok(r.metrics?.cert_days !== undefined);
    const seen = web.requests.slice(before);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.headers.authorization, undefined);
    assert.equal(seen[0]!.headers['x-keep'], '1');
    assert.equal(secure.requests.at(-1)!.headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  test('a redirect to another scheme or a hostile host is refused', async () => {
    for (const location of ['ftp://127.0.0.1/x', 'javascript:alert(1)', 'file:///etc/passwd', 'http://$(id)/']) {
      const r = await httpProbe(target(`${web.url}/to?url=${encodeURIComponent(location)}`), ctx());
      assert.deepEqual([r.reason, r.detail], ['error', { code: 'invalid_redirect' }], location);
    }
  });
});

describe('failures', () => {
  test('a server that accepts the request and never answers times out within the timeout', async () => {
    const started = Date.now();
    const r = await httpProbe(target(`${web.url}/never`), ctx(600));
    assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'timeout' });
    const took = Date.now() - started;
    assert.ok(took >= 550 && took < 1200, `took ${took} ms`);
  });

  test('a black hole times out; a closed port is refused', async () => {
    const r = await httpProbe(target(`http://127.0.0.1:${hole.port}/`), ctx(500));
    assert.equal(r.reason, 'timeout');
    const refused = await httpProbe(target(`http://127.0.0.1:${await closedPort()}/`), ctx());
    assert.deepEqual([refused.reason, refused.detail], ['refused', { code: 'ECONNREFUSED' }]);
  });

  test('an abort ends the request at once and releases its socket', async () => {
    await sleep(20);
    const before = openSockets();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const started = Date.now();
    const r = await httpProbe(target(`${web.url}/never`), ctx(10_000, ac.signal));
    assert.equal(r.reason, 'timeout');
    assert.ok(Date.now() - started < 400);
    await sleep(50);
    assert.ok(openSockets() <= before, 'a socket was left open');
  });

  test('a server that hangs up mid-response is an error with the code only', async () => {
    const r = await httpProbe(target(`${web.url}/cut`), ctx());
    assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'error', detail: { code: 'ECONNRESET' } });
  });

  test('only the first MiB of a body is searched, and the rest is never downloaded', async () => {
    const far = await httpProbe(target(`${web.url}/big?keywordAt=${2 * 1024 * 1024}`, { keyword: KEYWORD }), ctx(5000));
    assert.equal(far.reason, 'keyword_missing');
    assert.ok(web.bigBytesSent < BIG_LIMIT / 4, `server wrote ${web.bigBytesSent} bytes`);
    const near = await httpProbe(target(`${web.url}/big?keywordAt=${512 * 1024}`, { keyword: KEYWORD }), ctx(5000));
    assert.equal(near.ok, true, JSON.stringify(near));
  });

  test('hostile URLs and headers are refused before any request', async () => {
    const before = web.requests.length;
    const urls = [
      `http://127.0.0.1;touch x:${web.port}/`,
      'http://$(id)/',
      'http://`reboot`/',
      'http://-oProxyCommand=x/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'gopher://127.0.0.1/',
      'not a url',
      '',
    ];
    for (const url of urls) {
      const r = await httpProbe(target(`${web.url}/`, { url }), ctx());
      assert.equal(r.reason, 'error', url);
      assert.ok(['invalid_url', 'invalid_host'].includes(String(r.detail?.code)), `${url}: ${r.detail?.code}`);
    }
    const injected = await httpProbe(target(`${web.url}/headers`, { headers: [{ name: 'X-A', value: 'a\r\nX-Injected: 1' }] }), ctx());
    assert.deepEqual(injected.detail, { code: 'invalid_header' });
    const badName = await httpProbe(target(`${web.url}/headers`, { headers: [{ name: 'X A:', value: 'a' }] }), ctx());
    assert.deepEqual(badName.detail, { code: 'invalid_header' });
    assert.equal(web.requests.length, before);
  });
});

describe('https', () => {
  test('a self-signed certificate 5 days from expiry: accepted when told to, with cert_days', async () => {
    const r = await httpProbe(target(`${secure.url}/keyword`, { ignoreTlsErrors: true, keyword: KEYWORD }), ctx());
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.ok(r.metrics!.cert_days === 4 || r.metrics!.cert_days === 5, `cert_days ${r.metrics!.cert_days}`);
  });

  test('the same certificate without ignoreTlsErrors is tls_error with the verify code', async () => {
    const r = await httpProbe(target(`${secure.url}/keyword`), ctx());
    assert.deepEqual(r, { ok: false, latencyMs: null, reason: 'tls_error', detail: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
  });

  test('an expired certificate: negative cert_days when ignored, tls_error otherwise', async () => {
    const ignored = await httpProbe(target(`${expired.url}/keyword`, { ignoreTlsErrors: true }), ctx());
    assert.equal(ignored.ok, true);
    assert.ok(ignored.metrics!.cert_days! < 0 && ignored.metrics!.cert_days! >= -3, `cert_days ${ignored.metrics!.cert_days}`);
    assert.equal((await httpProbe(target(`${expired.url}/keyword`), ctx())).reason, 'tls_error');
  });

  test('https to a plain HTTP port fails the handshake', async () => {
    const r = await httpProbe(target(`https://127.0.0.1:${web.port}/`, { ignoreTlsErrors: true }), ctx());
    assert.equal(r.reason, 'tls_error', JSON.stringify(r));
  });
});
