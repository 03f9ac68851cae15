// Attachments linked to any registered entity type (ctx.registries.attachables).
import { inTransaction } from '../../db/transaction.js';
import { systemActor, type Actor } from '../../core/actor.js';
import { AppError, CoreErrors, notFound } from '../../core/errors.js';
import { detectType, type FileStore } from '../../core/files.js';
import type { ModuleContext } from '../../core/module.js';
import type { Attachment } from '../../../shared/contracts/system.js';

const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

type Deps = Pick<ModuleContext, 'db' | 'audit' | 'clock' | 'registries'> & { files: FileStore };

type Row = {
  id: number;
  entity_type: string;
  entity_id: number;
  file_name: string;
  mime: string;
  size: number;
  created_at: number;
  created_by: number | null;
};
const toDto = (r: Row): Attachment => ({
  id: r.id,
  entityType: r.entity_type,
  entityId: r.entity_id,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Keeps the last path segment only, with nothing a file system or a header could misread. */
export function safeFileName(name: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return (base || 'file').slice(0, 200);
}

export function createAttachmentsService({ db, audit, clock, registries, files }: Deps) {
  function typeOf(actor: Actor, entityType: string, need: 'read' | 'write') {
    const t = registries.attachables.get(entityType);
    if (!t) throw new AppError(CoreErrors['validation.failed'], [{ field: 'entityType', reason: 'invalid_value' }]);
    const permission = t[need];
    if (permission === null || !actor.permissions.has(permission)) throw new AppError(CoreErrors['auth.forbidden']);
    return t;
  }
  async function row(id: number) {
    const r = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('attachment');
    return r;
  }

  return {
    async list(actor: Actor, entityType: string, entityId: number): Promise<Attachment[]> {
      typeOf(actor, entityType, 'read');
      const rows = await db
        .selectFrom('attachments')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute();
      return rows.map(toDto);
    },

    async upload(actor: Actor, entityType: string, entityId: number, file: { buffer: Buffer; fileName: string }): Promise<Attachment> {
      const t = typeOf(actor, entityType, 'write');
      if (!(await t.exists(db, entityId)))
        throw new AppError(CoreErrors['validation.failed'], [{ field: 'entityId', reason: 'not_found' }]);
      const fileName = safeFileName(file.fileName);
      const type = detectType(file.buffer, fileName);
      if (!type) throw new AppError(CoreErrors['file.type_not_allowed'], [{ field: 'file', reason: 'type_not_allowed' }]);
      const stored = await files.save(file.buffer);
      try {
        return await inTransaction(db, async (trx) => {
          const { id } = await trx
            .insertInto('attachments')
            .values({
              entity_type: entityType,
              entity_id: entityId,
              file_name: fileName,
              mime: type.mime,
              size: file.buffer.length,
              sha256: stored.sha256,
              storage_key: stored.key,
              created_by: actor.userId,
              created_at: clock.now(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await audit.record(trx, actor, {
            action: 'attach',
            entityType,
            entityId,
            summary: fileName,
            after: { attachmentId: id, fileName, mime: type.mime, size: file.buffer.length },
          });
          return toDto((await trx.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Row);
        });
      } catch (err) {
        await files.remove(stored.key);
        throw err;
      }
    },

    async download(actor: Actor, id: number) {
      const r = await row(id);
      typeOf(actor, r.entity_type, 'read');
      return { body: await files.read(r.storage_key), fileName: r.file_name, mime: r.mime, inline: INLINE.has(r.mime) };
    },

    async remove(actor: Actor, id: number): Promise<void> {
      const r = await row(id);
      typeOf(actor, r.entity_type, 'write');
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('attachments').where('id', '=', id).execute();
        await audit.record(trx, actor, {
          action: 'detach',
          entityType: r.entity_type,
          entityId: r.entity_id,
          summary: r.file_name,
          before: { attachmentId: id, fileName: r.file_name },
        });
      });
      // Bytes go after the row: a crash in between leaves an orphan file, never a dangling row.
      await files.remove(r.storage_key);
    },

    /**
     * Drops every attachment of an entity that was deleted (called from its `<type>.deleted`
     * event, after that delete committed), so a deleted person's files neither linger on disk
     * nor stay downloadable by id.
     */
    async removeAllOf(entityType: string, entityId: number): Promise<number> {
      const rows = await db
        .selectFrom('attachments')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .execute();
      if (!rows.length) return 0;
      const actor = systemActor('attachments');
      await inTransaction(db, async (trx) => {
        await trx
          .deleteFrom('attachments')
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
        for (const r of rows) {
          await audit.record(trx, actor, {
            action: 'detach',
            entityType,
            entityId,
            summary: r.file_name,
            before: { attachmentId: r.id, fileName: r.file_name, reason: 'entity_deleted' },
          });
        }
      });
      for (const r of rows) await files.remove(r.storage_key);
      return rows.length;
    },
  };
}
