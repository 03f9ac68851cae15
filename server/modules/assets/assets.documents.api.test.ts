// Printed paper through the real HTTP layer: label sheets for a selection or a list view (QR
// pointing at the configured address), and the hand-over slip with its signature.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPerson, fails, ok, TINY_PNG } from '../../test/fixtures.js';
import { buildTestApp, dialects, setupAdmin, userWithRoles, type Client, type TestApp } from '../../test/test-app.js';

/** The PDF's text as pdftotext reads it (poppler-utils, installed by scripts/ensure-pdf-tools.sh). */
function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sysward-pdf-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

for (const dialect of dialects()) {
  describe(`asset labels and slips (${dialect})`, () => {
    let t: TestApp;
    let admin: Client;
    const ids: number[] = [];
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await setupAdmin(t.app);
      const cat = (ok(await admin.get('/api/assets/categories')).items as { id: number; name: string }[]).find((c) => c.name === '台式机')!;
      for (const name of ['教务处台式机', '财务处台式机', '图书馆查询机'])
        ids.push(ok(await admin.post('/api/assets', { name, categoryId: cat.id })).id);
      ok(await admin.put('/api/assets/settings', { numberPattern: 'XH-{seq:4}', labelBaseUrl: 'https://it.example.edu.cn/' }));
    });
    after(() => t.close());

    it('prints labels for a selection and for a list view', async () => {
      const res = await admin.raw({ method: 'GET', url: `/api/assets/labels.pdf?ids=${ids[1]},${ids[0]}&layout=a4-3x8` });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(res.rawPayload);
      assert.ok(text.includes('财务处台式机') && text.includes('教务处台式机'), text);
      assert.ok(!text.includes('图书馆查询机'));
      const all = pdfText((await admin.raw({ method: 'GET', url: '/api/assets/labels.pdf?q=台式机&layout=thermal-50x30' })).rawPayload);
      assert.equal((all.match(/\f/g) ?? []).length >= 2, true, 'one page per thermal label');
      fails(await admin.get('/api/assets/labels.pdf?layout=a4-99x99'), 400, 'validation.failed');
      fails(await admin.get('/api/assets/labels.pdf?skip=-1'), 400, 'validation.failed');
      assert.equal(fails(await admin.get('/api/assets/labels.pdf?q=nothing-matches-this'), 400).details[0]?.reason, 'no_labels');
      const staff = await userWithRoles(t.app, admin, ['staff']);
      fails(await staff.get(`/api/assets/labels.pdf?ids=${ids[0]}`), 403);
    });

    it('prints the hand-over slip with the signature', async () => {
      const person = await createPerson(admin, { name: '王芳', number: 'T100' });
      const out = ok(
        await admin.post(`/api/assets/${ids[0]}/handout`, {
          personId: person.id,
          date: '2026-11-02',
          signerName: '王芳',
          signature: `data:image/png;base64,${TINY_PNG.toString('base64')}`,
        }),
      );
      const res = await admin.raw({ method: 'GET', url: `/api/assets/assignments/${out.id}/slip.pdf` });
      assert.equal(res.statusCode, 200);
      const text = pdfText(res.rawPayload);
      for (const word of ['资产领用单', '教务处台式机', '王芳', '2026-11-02', '领用人签字'])
        assert.ok(text.includes(word), `${word} in\n${text}`);
      fails(await admin.get('/api/assets/assignments/999999/slip.pdf'), 404);
    });
  });
}
