// Attachments through the real HTTP layer and the real file store: what is accepted, how it is
// served back, what never becomes a path, and that every change is in the audit trail.
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';
import { TINY_PNG, createDepartment, createPerson, fails, ok, randomBinary, upload } from '../../test/fixtures.js';

/** Every file below a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

function attach(
  client: Client,
  entityType: string,
  entityId: number | string,
  fileName: string,
  data: Buffer,
  contentType = 'application/octet-stream',
) {
  return upload(client, '/api/attachments', { fileName, data, contentType }, { entityType, entityId: String(entityId) });
}

for (const dialect of dialects()) {
  describe(`attachments (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    let person: { id: number };

    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      person = await createPerson(admin, { name: '张伟', number: 'A001' });
    });
    after(() => t.close());

    it('a PNG uploaded to a person is listed and downloads byte for byte with safe headers', async () => {
      const a = ok(await attach(admin, 'person', person.id, '工牌照片.png', TINY_PNG, 'image/png'));
      assert.equal(a.entityType, 'person');
      assert.equal(a.entityId, person.id);
      assert.equal(a.fileName, '工牌照片.png');
      assert.equal(a.mime, 'image/png');
      assert.equal(a.size, TINY_PNG.length);
      assert.equal(a.createdBy, admin.userId);

      const list = ok(await admin.get(`/api/attachments?entityType=person&entityId=${person.id}`));
      assert.deepEqual(list.items, [a]);

      const d = await admin.get(`/api/attachments/${a.id}/download`);
      assert.equal(d.statusCode, 200);
      assert.deepEqual(d.rawPayload, TINY_PNG);
      assert.equal(d.headers['content-type'], 'image/png');
      assert.equal(d.headers['x-content-type-options'], 'nosniff');
      assert.match(String(d.headers['content-security-policy']), /sandbox/);
      assert.match(String(d.headers['content-security-policy']), /default-src 'none'/);
      assert.equal(d.headers['content-disposition'], `inline; filename*=UTF-8''${encodeURIComponent('工牌照片.png')}`);

      // The bytes are on disk under <data>/attachments, once.
      const files = await filesUnder(join(t.config.dataDir, 'attachments'));
      assert.equal(files.length, 1);
      assert.deepEqual(await readFile(join(t.config.dataDir, 'attachments', files[0]!)), TINY_PNG);
    });

    it('HTML and SVG are refused whatever their name says; text and unknown binary are handled', async () => {
      const countBefore = ok(await admin.get(`/api/attachments?entityType=person&entityId=${person.id}`)).items.length;
      const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
      const e1 = fails(await attach(admin, 'person', person.id, 'photo.png', html, 'image/png'), 415, 'file.type_not_allowed');
      assert.equal(e1.details[0]!.reason, 'type_not_allowed');
      const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>');
      fails(await attach(admin, 'person', person.id, 'photo.png', svg, 'image/png'), 415, 'file.type_not_allowed');
      // With a BOM and blank lines in front it is still markup.
      const sneaky = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\n\n   <svg xmlns="http://www.w3.org/2000/svg"/>')]);
      fails(await attach(admin, 'person', person.id, 'a.txt', sneaky, 'text/plain'), 415, 'file.type_not_allowed');
      // Markup as UTF-16 (NUL bytes) is not text we accept either.
      fails(
        await attach(admin, 'person', person.id, 'a.png', Buffer.from('\ufeff<html></html>', 'utf16le'), 'image/png'),
        415,
        'file.type_not_allowed',
      );
      fails(await attach(admin, 'person', person.id, 'noise.bin', randomBinary(2048)), 415, 'file.type_not_allowed');
      assert.equal(ok(await admin.get(`/api/attachments?entityType=person&entityId=${person.id}`)).items.length, countBefore);

      // Plain text (a config dump) is accepted and only ever downloads, sandboxed.
      const conf = Buffer.from('hostname 核心交换机\ninterface Vlanif10\n ip address 10.0.10.1 255.255.255.0\n');
      const a = ok(await attach(admin, 'person', person.id, 'switch.cfg', conf, 'text/html'));
      assert.equal(a.mime, 'text/plain; charset=utf-8');
      const d = await admin.get(`/api/attachments/${a.id}/download`);
      assert.deepEqual(d.rawPayload, conf);
      assert.match(String(d.headers['content-disposition']), /^attachment;/);
      assert.equal(d.headers['x-content-type-options'], 'nosniff');
      assert.match(String(d.headers['content-security-policy']), /sandbox/);
    });

    it('a long UTF-8 text whose 64 KiB sniffing window ends inside a character is still text', async () => {
      // 'ab' shifts the 3-byte characters so that byte 65536 falls in the middle of one.
      const log = Buffer.from('ab' + '中文日志行\n'.repeat(8000));
      assert.ok(log.length > 64 * 1024);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(log.subarray(0, 64 * 1024)));
      const a = ok(await attach(admin, 'person', person.id, 'syslog.txt', log, 'text/plain'));
      assert.equal(a.mime, 'text/plain; charset=utf-8');
      assert.deepEqual((await admin.get(`/api/attachments/${a.id}/download`)).rawPayload, log);
    });

    it('a path trick in the file name is kept as a plain name and never used as a path', async () => {
      const dataDir = t.config.dataDir;
      const data = Buffer.from('root:x:0:0:root:/root:/bin/bash\n');
      const a = ok(await attach(admin, 'person', person.id, '../../etc/passwd.txt', data, 'text/plain'));
      assert.equal(a.fileName, 'passwd.txt');
      const b = ok(await attach(admin, 'person', person.id, '..\\..\\windows\\win.ini', data, 'text/plain'));
      assert.equal(b.fileName, 'win.ini');
      const c = ok(await attach(admin, 'person', person.id, '/abs/..', data, 'text/plain'));
      assert.equal(c.fileName, 'file');

      // Nothing in or around the data folder was written except the database and attachments/.
      for (const f of await filesUnder(dataDir)) {
        assert.ok(f.startsWith(`attachments${sep}`) || /^test\.db(-wal|-shm)?$/.test(f), f);
      }
      const stored = (await filesUnder(join(dataDir, 'attachments'))).map((f) => f.split(sep).join('/'));
      for (const f of stored) assert.match(f, /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      await assert.rejects(stat(join(dataDir, '..', '..', 'etc', 'passwd.txt')));
      await assert.rejects(stat(join(dataDir, 'etc', 'passwd.txt')));

      const d = await admin.get(`/api/attachments/${a.id}/download`);
      assert.deepEqual(d.rawPayload, data);
      assert.match(String(d.headers['content-disposition']), /^attachment; filename="passwd\.txt"/);
    });

    it('unknown entity types and missing entities are refused with 400', async () => {
      fails(await attach(admin, 'user', person.id, 'a.png', TINY_PNG), 400, 'validation.failed');
      fails(await attach(admin, '', person.id, 'a.png', TINY_PNG), 400, 'validation.failed');
      const missing = fails(await attach(admin, 'person', 999_999, 'a.png', TINY_PNG), 400, 'validation.failed');
      assert.deepEqual(missing.details[0], { field: 'entityId', reason: 'not_found' });
      fails(await attach(admin, 'person', 'abc', 'a.png', TINY_PNG), 400, 'validation.failed');
      fails(await attach(admin, 'person', '99999999999', 'a.png', TINY_PNG), 400, 'validation.failed');
      fails(await admin.get(`/api/attachments?entityType=user&entityId=${person.id}`), 400, 'validation.failed');
      fails(await admin.post('/api/attachments', { entityType: 'person', entityId: person.id }), 400, 'file.missing');
      fails(await attach(admin, 'person', person.id, 'empty.png', Buffer.alloc(0)), 400, 'file.missing');
      fails(await admin.get('/api/attachments/999999/download'), 404, 'resource.not_found');
      fails(await admin.delete('/api/attachments/999999'), 404, 'resource.not_found');
    });

    it('delete removes the row and the bytes; upload and delete are audited', async () => {
      const dep = await createDepartment(admin, { name: '信息中心', code: 'XX' });
      const a = ok(await attach(admin, 'department', dep.id, '机房布线图.png', TINY_PNG, 'image/png'));
      const before = new Set(await filesUnder(join(t.config.dataDir, 'attachments')));
      assert.equal(before.size >= 1, true);

      ok(await admin.delete(`/api/attachments/${a.id}`));
      assert.deepEqual(ok(await admin.get(`/api/attachments?entityType=department&entityId=${dep.id}`)).items, []);
      fails(await admin.get(`/api/attachments/${a.id}/download`), 404, 'resource.not_found');
      fails(await admin.delete(`/api/attachments/${a.id}`), 404, 'resource.not_found');
      const afterFiles = await filesUnder(join(t.config.dataDir, 'attachments'));
      assert.equal(afterFiles.length, before.size - 1);

      const audit = ok(await admin.get(`/api/audit?entityType=department&entityId=${dep.id}&pageSize=50`)).items as {
        action: string;
        actorUserId: number;
        summary: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }[];
      const attachEntry = audit.find((x) => x.action === 'attach');
      const detachEntry = audit.find((x) => x.action === 'detach');
      assert.ok(attachEntry, JSON.stringify(audit));
      assert.ok(detachEntry, JSON.stringify(audit));
      assert.equal(attachEntry.summary, '机房布线图.png');
      assert.equal(attachEntry.actorUserId, admin.userId);
      assert.deepEqual(attachEntry.after, { attachmentId: a.id, fileName: '机房布线图.png', mime: 'image/png', size: TINY_PNG.length });
      assert.deepEqual(detachEntry.before, { attachmentId: a.id, fileName: '机房布线图.png' });

      // Every upload of this suite is in the trail as well.
      const uploads = ok(await admin.get(`/api/audit?action=attach&entityType=person&entityId=${person.id}&pageSize=50`));
      const listed = ok(await admin.get(`/api/attachments?entityType=person&entityId=${person.id}`)).items.length;
      assert.equal(uploads.total, listed);
    });

    it('deleting the person takes its attachments along: no row, no bytes, audited', async () => {
      const gone = await createPerson(admin, { name: '离校生', number: 'A999' });
      const a = ok(await attach(admin, 'person', gone.id, '证件.png', TINY_PNG, 'image/png'));
      const filesBefore = (await filesUnder(join(t.config.dataDir, 'attachments'))).length;
      ok(await admin.delete(`/api/people/${gone.id}`));
      await t.ctx.events.idle();
      assert.deepEqual(ok(await admin.get(`/api/attachments?entityType=person&entityId=${gone.id}`)).items, []);
      fails(await admin.get(`/api/attachments/${a.id}/download`), 404, 'resource.not_found');
      assert.equal((await filesUnder(join(t.config.dataDir, 'attachments'))).length, filesBefore - 1);
      const trail = ok(await admin.get(`/api/audit?action=detach&entityType=person&entityId=${gone.id}`));
      assert.equal(trail.total, 1);
      assert.equal(trail.items[0].actorKind, 'system');
      assert.equal(trail.items[0].before.attachmentId, a.id);
    });

    it('permissions: read roles download, only writers upload or delete, staff sees nothing', async () => {
      const a = ok(await attach(admin, 'person', person.id, 'p.png', TINY_PNG, 'image/png'));
      const auditor = await userWithRoles(t.app, admin, ['auditor']);
      ok(await auditor.get(`/api/attachments?entityType=person&entityId=${person.id}`));
      assert.deepEqual((await auditor.get(`/api/attachments/${a.id}/download`)).rawPayload, TINY_PNG);
      fails(await attach(auditor, 'person', person.id, 'p.png', TINY_PNG), 403, 'auth.forbidden');
      fails(await auditor.delete(`/api/attachments/${a.id}`), 403, 'auth.forbidden');

      const staff = await userWithRoles(t.app, admin, ['staff']);
      fails(await staff.get(`/api/attachments?entityType=person&entityId=${person.id}`), 403, 'auth.forbidden');
      fails(await staff.get(`/api/attachments/${a.id}/download`), 403, 'auth.forbidden');
      fails(await attach(staff, 'person', person.id, 'p.png', TINY_PNG), 403, 'auth.forbidden');

      // Without the CSRF token a signed-in browser cannot upload.
      const body = await t.app.inject({
        method: 'POST',
        url: '/api/attachments',
        headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--\r\n',
      });
      fails(body, 403, 'auth.csrf');
      // Signed out: nothing at all.
      fails(await t.app.inject({ method: 'GET', url: `/api/attachments/${a.id}/download` }), 401, 'auth.required');
    });
  });
}
