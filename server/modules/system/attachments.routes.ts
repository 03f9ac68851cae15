// /api/attachments: upload, list, download, delete files linked to any attachable entity.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, okResponse } from '../../../shared/contracts/common.js';
import { attachment, attachmentList, attachmentListQuery } from '../../../shared/contracts/system.js';
import { AppError, CoreErrors } from '../../core/errors.js';
import { sendDownload } from '../../core/http/download.js';
import type { createAttachmentsService } from './attachments.service.js';

const tags = ['attachments'];

export function registerAttachmentRoutes(app: FastifyInstance, svc: ReturnType<typeof createAttachmentsService>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/attachments',
    {
      config: { access: 'attachments:read' },
      schema: { tags, summary: "An entity's attachments", querystring: attachmentListQuery, response: { 200: attachmentList } },
    },
    async (req) => ({
      items: await svc.list(req.actor, req.query.entityType, req.query.entityId),
    }),
  );

  r.post(
    '/api/attachments',
    {
      config: { access: 'attachments:write' },
      schema: {
        tags,
        summary: 'Upload (multipart: fields entityType and entityId, then the file)',
        consumes: ['multipart/form-data'],
        response: { 200: attachment },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError(CoreErrors['file.missing']);
      const part = await req.file();
      if (!part) throw new AppError(CoreErrors['file.missing']);
      const field = (name: string) => {
        const f = part.fields[name];
        const v = f && !Array.isArray(f) && 'value' in f ? f.value : undefined;
        return typeof v === 'string' ? v : '';
      };
      const entityType = field('entityType');
      const entityId = Number(field('entityId'));
      if (!Number.isInteger(entityId) || entityId <= 0 || entityId > 2_147_483_647) {
        throw new AppError(CoreErrors['validation.failed'], [{ field: 'entityId', reason: 'invalid_type' }]);
      }
      const buffer = await part.toBuffer();
      if (!buffer.length) throw new AppError(CoreErrors['file.missing'], [{ reason: 'empty_file' }]);
      return svc.upload(req.actor, entityType, entityId, { buffer, fileName: part.filename || 'file' });
    },
  );

  r.get(
    '/api/attachments/:id/download',
    { config: { access: 'attachments:read' }, schema: { tags, summary: 'Download an attachment', params: idParam } },
    async (req, reply) => {
      const file = await svc.download(req.actor, req.params.id);
      if (file.inline) {
        // Images and PDFs may show in the page; still sandboxed and never sniffed as something else.
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
          .send(file.body);
      }
      return sendDownload(reply, file.body, file.fileName, file.mime);
    },
  );

  r.delete(
    '/api/attachments/:id',
    {
      config: { access: 'attachments:write' },
      schema: { tags, summary: 'Delete an attachment', params: idParam, response: { 200: okResponse } },
    },
    async (req) => {
      await svc.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
}
