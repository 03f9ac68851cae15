// Printed paper: QR label sheets for any selection or list view, and the hand-over slip (交接单)
// of a hand-out or return with the signature drawn on screen.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assetListQuery } from '../../../shared/contracts/assets.js';
import { idParam } from '../../../shared/contracts/common.js';
import { AppError, CoreErrors } from '../../core/errors.js';
import { fileStamp, sendPdf } from '../../core/http/download.js';
import type { ModuleContext } from '../../core/module.js';
import { createPdf, drawTable, mm, pdfToBuffer } from '../../core/pdf/document.js';
import { labelLayoutIds, renderLabels } from '../../core/pdf/labels.js';
import { readSettings } from '../../core/settings.js';
import { readAssetSettings } from './asset-settings.js';
import { createAssetsRepository } from './assets.repository.js';
import type { AssignmentsService } from './assignments.service.js';
import type { AssetsService } from './assets.service.js';

/** One print job's ceiling: 5,000 labels is over 200 A4 sheets. */
const MAX_LABELS = 5000;

export const labelQuery = assetListQuery.omit({ page: true, pageSize: true }).extend({
  layout: z.enum(labelLayoutIds).default('a4-3x8'),
  skip: z.coerce.number().int().min(0).max(100).default(0),
});

/** Where labels point: the configured address, or the one this request came in on. */
export async function labelBase(ctx: ModuleContext, req: FastifyRequest): Promise<string> {
  const configured = (await readAssetSettings(ctx.db)).labelBaseUrl;
  if (configured) return configured.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}

export const labelUrl = (base: string, number: string) => `${base}/a/${encodeURIComponent(number)}`;

export function registerAssetDocuments(
  app: FastifyInstance,
  ctx: ModuleContext,
  s: { assets: AssetsService; assignments: AssignmentsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assets'];

  r.get(
    '/api/assets/labels.pdf',
    {
      config: { access: 'assets:read' },
      schema: { tags, summary: 'QR labels (PDF) for chosen assets (ids=) or every asset the list filters match', querystring: labelQuery },
    },
    async (req, reply) => {
      const { layout, skip, sort: _sort, order: _order, ...filter } = req.query;
      const repo = createAssetsRepository(ctx.db);
      const base = await labelBase(ctx, req);
      const rows = [];
      for await (const a of repo.stream(filter)) {
        rows.push(a);
        if (rows.length > MAX_LABELS)
          throw new AppError(CoreErrors['validation.failed'], [{ field: 'ids', reason: 'too_many_labels', params: { max: MAX_LABELS } }]);
      }
      if (!rows.length) throw new AppError(CoreErrors['validation.failed'], [{ field: 'ids', reason: 'no_labels' }]);
      // In the order asked for (selection order), or by number for a list view.
      const position = new Map((filter.ids ?? []).map((id, i) => [id, i]));
      rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0) || a.number.localeCompare(b.number));
      const { orgName, timeZone } = await readSettings(ctx.db);
      const pdf = await renderLabels(
        rows.map((a) => ({ number: a.number, name: a.name, url: labelUrl(base, a.number), caption: a.category_name })),
        layout,
        { orgName, skip, title: '资产标签' },
      );
      return sendPdf(reply, pdf, `资产标签-${fileStamp(ctx.clock.now(), timeZone)}.pdf`);
    },
  );

  r.get(
    '/api/assets/assignments/:id/slip.pdf',
    {
      config: { access: 'assets:read' },
      schema: { tags: ['asset hand-outs'], summary: 'The hand-over slip of a hand-out or return (PDF)', params: idParam },
    },
    async (req, reply) => {
      const record = await s.assignments.get(req.params.id);
      const asset = await s.assets.get(record.assetId);
      const signature = record.hasSignature ? await s.assignments.signature(record.id) : null;
      const { orgName, timeZone } = await readSettings(ctx.db);
      const title = record.kind === 'return' ? '资产归还单' : record.loan ? '资产借用单' : '资产领用单';
      const doc = createPdf({ size: 'A4', title: `${title} ${asset.number}` });
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      doc.font('cjk-bold').fontSize(18).text(orgName, { align: 'center' });
      doc.moveDown(0.2).fontSize(16).text(title, { align: 'center' });
      doc
        .font('cjk')
        .fontSize(9)
        .fillColor('#555')
        .text(`单号：${record.kind === 'return' ? 'GH' : 'LY'}-${String(record.id).padStart(6, '0')}`, { align: 'right' });
      doc.fillColor('black').moveDown(0.5);
      const yuan = (fen: number | null) => (fen === null ? '' : `¥${(fen / 100).toFixed(2)}`);
      drawTable(doc, {
        fontSize: 10,
        columns: [
          { header: '资产编号', width: width * 0.17 },
          { header: '名称', width: width * 0.25 },
          { header: '分类', width: width * 0.1 },
          { header: '品牌型号', width: width * 0.2 },
          { header: '序列号', width: width * 0.14 },
          { header: '原值', width: width * 0.14, align: 'right' },
        ],
        rows: [
          [asset.number, asset.name, asset.categoryName, `${asset.brand} ${asset.model}`.trim(), asset.serial ?? '', yuan(asset.priceFen)],
        ],
      });
      doc.moveDown(1);
      const who = record.kind === 'return' ? '归还人' : record.loan ? '借用人' : '领用人';
      const lines: [string, string][] = [
        [who, record.personName ?? ''],
        ['部门', record.departmentName ?? ''],
        ['存放位置', record.locationName ?? ''],
        [record.kind === 'return' ? '归还日期' : '领用日期', record.date],
        ...(record.expectedReturn ? ([['预计归还', record.expectedReturn]] as [string, string][]) : []),
        ...(record.condition ? ([['归还时状况', record.condition]] as [string, string][]) : []),
        ['经办人', record.handledBy],
        ['备注', record.notes],
      ];
      doc.fontSize(11);
      for (const [label, value] of lines) {
        doc
          .font('cjk-bold')
          .text(`${label}：`, { continued: true })
          .font('cjk')
          .text(value || '—');
        doc.moveDown(0.3);
      }
      doc.moveDown(1.5);
      const y = doc.y;
      const half = width / 2;
      const left = doc.page.margins.left;
      doc.font('cjk').fontSize(11).text(`${who}签字：`, left, y);
      if (signature) doc.image(signature, left + mm(22), y - mm(4), { fit: [half - mm(26), mm(22)] });
      doc.text(`签名人：${record.signerName || record.personName || ''}`, left, y + mm(22));
      doc.text('经办人签字：', left + half, y);
      doc.text(`日期：${record.date}`, left + half, y + mm(22));
      doc
        .fontSize(8)
        .fillColor('#777')
        .text(`打印于 ${fileStamp(ctx.clock.now(), timeZone)} · 网管台`, left, doc.page.height - doc.page.margins.bottom - 12, {
          width,
          align: 'center',
        });
      const pdf = await pdfToBuffer(doc);
      return sendPdf(reply, pdf, `${title}-${asset.number}.pdf`);
    },
  );
}
