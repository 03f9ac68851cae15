// An article's files for whoever may read the article: staff read FAQ images and documents
// without the general attachments:read permission. Uploading and deleting go through
// /api/attachments with entity type 'kb_article' (kb:write).
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import type { FileStore } from '../../core/files.js';
import { sendDownload } from '../../core/http/download.js';
import type { Database } from '../../db/database.js';
import type { KbService } from './kb.service.js';

export const KB_ATTACHABLE = 'kb_article';
const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

export function createKbAttachments(db: Kysely<Database>, files: FileStore, kb: KbService) {
  return {
    async list(actor: Actor, articleId: number) {
      await kb.assertVisible(actor, articleId);
      const rows = await db
        .selectFrom('attachments')
        .select(['id', 'file_name', 'mime', 'size', 'created_at'])
        .where('entity_type', '=', KB_ATTACHABLE)
        .where('entity_id', '=', articleId)
        .orderBy('id')
        .execute();
      return {
        items: rows.map((r) => ({ id: r.id, fileName: r.file_name, mime: r.mime, size: Number(r.size), createdAt: Number(r.created_at) })),
      };
    },

    async send(actor: Actor, articleId: number, attachmentId: number, reply: FastifyReply) {
      await kb.assertVisible(actor, articleId);
      const r = await db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', attachmentId)
        .where('entity_type', '=', KB_ATTACHABLE)
        .where('entity_id', '=', articleId)
        .executeTakeFirst();
      if (!r) throw notFound('attachment');
      const body = await files.read(r.storage_key);
      if (!INLINE.has(r.mime)) return sendDownload(reply, body, r.file_name, r.mime);
      // Images show inside the article; the type was decided from the content at upload.
      return reply
        .header('content-type', r.mime)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(r.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  };
}
