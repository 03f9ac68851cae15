// Photos and files on tickets. Reporters have no attachments permission, so the ticket has its
// own routes: a photo taken while filling in the report is uploaded first (a pending upload owned
// by the caller, images and PDF only, typed by content), and its id is sent with the report or
// comment, which attaches it in the same transaction. Pending uploads nobody used are removed by
// a job after a day. Files that came with an internal note are never listed to the reporter.
import type { Attachment } from '../../../shared/contracts/system.js';
import { uuidv7 } from '../../../shared/lib/ids.js';
import type { Actor } from '../../core/actor.js';
import { AppError, CoreErrors, fieldError, notFound } from '../../core/errors.js';
import { detectType, type FileStore } from '../../core/files.js';
import { createTicketRelatedRepository } from './tickets.related.repository.js';
import { isReporter, isWorker, viewerOf, type TicketCore, type Tx } from './tickets.core.js';
import { TicketErrors } from './tickets.errors.js';
import type { TicketRow } from './tickets.repository.js';

/** Phone photos are a few MB; a scanned PDF rarely more. */
export const TICKET_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const PENDING_UPLOAD_TTL_MS = 24 * 60 * 60_000;
const REPORTER_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);
const INLINE = REPORTER_TYPES;

/** The last path segment only, with nothing a file system or a header could misread. */
function safeFileName(name: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return (base || 'file').slice(0, 200);
}

interface AttachmentRow {
  id: number;
  entity_id: number;
  file_name: string;
  mime: string;
  size: number;
  created_at: number;
  created_by: number | null;
}
const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  entityType: 'ticket',
  entityId: r.entity_id,
  fileName: r.file_name,
  mime: r.mime,
  size: Number(r.size),
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
});

export function createTicketAttachments(core: TicketCore, files: FileStore) {
  const { db, audit, clock } = core;

  function typeOf(buffer: Buffer, fileName: string, anyKind: boolean) {
    const type = detectType(buffer, fileName);
    if (!type || (!anyKind && !REPORTER_TYPES.has(type.mime)))
      throw new AppError(CoreErrors['file.type_not_allowed'], [{ field: 'file', reason: 'type_not_allowed' }]);
    return type;
  }
  function checkSize(buffer: Buffer) {
    if (!buffer.length) throw new AppError(CoreErrors['file.missing'], [{ reason: 'empty_file' }]);
    if (buffer.length > TICKET_UPLOAD_MAX_BYTES) throw new AppError(CoreErrors['file.too_large']);
  }

  const service = {
    /** A pending upload, owned by the caller, waiting for its report or comment. */
    async storePending(actor: Actor, file: { buffer: Buffer; fileName: string }) {
      checkSize(file.buffer);
      const fileName = safeFileName(file.fileName);
      const type = typeOf(file.buffer, fileName, false);
      const stored = await files.save(file.buffer);
      const id = uuidv7(clock.now());
      try {
        await core.change(async (tx) => {
          await createTicketRelatedRepository(tx.trx).insertUpload({
            id,
            user_id: actor.userId!,
            file_name: fileName,
            mime: type.mime,
            size: file.buffer.length,
            sha256: stored.sha256,
            storage_key: stored.key,
            created_at: tx.now,
          });
          await audit.record(tx.trx, actor, {
            action: 'upload',
            entityType: 'ticket_upload',
            entityId: id,
            summary: fileName,
            after: { fileName, mime: type.mime, size: file.buffer.length },
          });
        });
      } catch (err) {
        await files.remove(stored.key);
        throw err;
      }
      return { id, fileName, mime: type.mime, size: file.buffer.length };
    },

    /** Attaches the caller's pending uploads to a ticket inside the change's transaction. */
    async attachPending(tx: Tx, actor: Actor, t: { id: number; number: string; title: string }, ids: string[], internal: boolean) {
      const unique = [...new Set(ids)];
      if (!unique.length) return [];
      const repo = createTicketRelatedRepository(tx.trx);
      const uploads = actor.userId === null ? [] : await repo.uploadsOf(unique, actor.userId);
      if (uploads.length !== unique.length) {
        const found = new Set(uploads.map((u) => u.id));
        const missing = unique.filter((u) => !found.has(u));
        throw fieldError(TicketErrors['tickets.upload_not_found'], 'attachmentIds', 'not_found', { ids: missing });
      }
      const out: number[] = [];
      for (const u of uploads) {
        const attachmentId = await repo.insertAttachment({
          ticketId: t.id,
          fileName: u.file_name,
          mime: u.mime,
          size: Number(u.size),
          sha256: u.sha256,
          storageKey: u.storage_key,
          userId: actor.userId,
          at: tx.now,
          internal,
        });
        await core.timeline(tx, actor, {
          ticketId: t.id,
          kind: 'attachment',
          internal,
          data: { attachmentId, fileName: u.file_name, mime: u.mime, size: Number(u.size) },
        });
        await audit.record(tx.trx, actor, {
          action: 'attach',
          entityType: 'ticket',
          entityId: t.id,
          summary: u.file_name,
          after: { attachmentId, fileName: u.file_name, mime: u.mime, size: Number(u.size) },
        });
        out.push(attachmentId);
      }
      await repo.removeUploads(unique);
      return out;
    },

    /** A file put straight on an existing ticket (its reporter: photos and PDF; technicians: any safe type). */
    async upload(actor: Actor, ticketId: number, file: { buffer: Buffer; fileName: string }): Promise<Attachment> {
      const t = await core.loadFor(db, actor, ticketId);
      mayAdd(actor, t);
      checkSize(file.buffer);
      const fileName = safeFileName(file.fileName);
      const type = typeOf(file.buffer, fileName, isWorker(actor));
      const stored = await files.save(file.buffer);
      try {
        const id = await core.change(async (tx) => {
          const attachmentId = await createTicketRelatedRepository(tx.trx).insertAttachment({
            ticketId,
            fileName,
            mime: type.mime,
            size: file.buffer.length,
            sha256: stored.sha256,
            storageKey: stored.key,
            userId: actor.userId,
            at: tx.now,
            internal: false,
          });
          await core.timeline(tx, actor, {
            ticketId,
            kind: 'attachment',
            internal: false,
            data: { attachmentId, fileName, mime: type.mime, size: file.buffer.length },
          });
          await audit.record(tx.trx, actor, {
            action: 'attach',
            entityType: 'ticket',
            entityId: ticketId,
            summary: fileName,
            after: { attachmentId, fileName, mime: type.mime, size: file.buffer.length },
          });
          await core.apply(tx, actor, t, {});
          tx.emit('ticket.updated', { id: ticketId });
          return attachmentId;
        });
        return (await service.list(actor, ticketId)).find((a) => a.id === id)!;
      } catch (err) {
        await files.remove(stored.key);
        throw err;
      }
    },

    async list(actor: Actor, ticketId: number): Promise<Attachment[]> {
      await core.loadFor(db, actor, ticketId);
      const rows = await createTicketRelatedRepository(db).attachmentsOf(ticketId, !viewerOf(actor).readsAll);
      return rows.map(toAttachment);
    },

    async download(actor: Actor, ticketId: number, attachmentId: number) {
      const found = (await service.list(actor, ticketId)).find((a) => a.id === attachmentId);
      if (!found) throw notFound('attachment');
      const row = await db.selectFrom('attachments').select('storage_key').where('id', '=', attachmentId).executeTakeFirstOrThrow();
      return { body: await files.read(row.storage_key), fileName: found.fileName, mime: found.mime, inline: INLINE.has(found.mime) };
    },

    /** Pending uploads older than a day: their rows, then their bytes. */
    async purgeExpired(): Promise<number> {
      const repo = createTicketRelatedRepository(db);
      const rows = await repo.expiredUploads(clock.now() - PENDING_UPLOAD_TTL_MS, 500);
      if (!rows.length) return 0;
      await repo.removeUploads(rows.map((r) => r.id));
      for (const r of rows) await files.remove(r.storage_key);
      return rows.length;
    },
  };
  return service;
}
export type TicketAttachments = ReturnType<typeof createTicketAttachments>;

/** Only those who work the ticket and its reporter add files to it. */
function mayAdd(actor: Actor, t: TicketRow): void {
  if (!isWorker(actor) && !isReporter(t, actor))
    throw new AppError(TicketErrors['tickets.field_not_allowed'], [{ field: 'file', reason: 'not_allowed' }]);
}
