// The import machinery every importable kind shares: upload → preview → commit (streamed).
import { importPreview, importResult, type ImportMappingInput, type ImportPreview } from '@shared/contracts/system.js';
import { ApiError, api, buildUrl, csrfHeaders, errorFromPayload, errorFromResponse, reportUnauthorized } from '../../lib/api-client';
import { readNdjson } from '../../lib/ndjson';
import { uploadWithProgress } from '../../lib/upload';

export type FileFormat = 'xlsx' | 'csv';
export interface ImportResult {
  created: number;
  updated: number;
}

export const templateUrl = (kind: string, format: FileFormat) => buildUrl(`/api/${kind}/import-template`, { format });
/** The report is written in the page's language (its column notes and reasons). */
export const errorReportUrl = (id: string, format: FileFormat, lang: string) => buildUrl(`/api/imports/${id}/errors`, { format, lang });

export function uploadImport(
  kind: string,
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file);
  return uploadWithProgress({ url: `/api/${kind}/import`, form, schema: importPreview, onProgress, signal });
}

/** Changes the column mapping and the options of a previewed import; answers with the new preview. */
export function remapImport(id: string, body: ImportMappingInput): Promise<ImportPreview> {
  return api(`/api/imports/${id}/mapping`, { method: 'PUT', body, schema: importPreview });
}

export function cancelImport(id: string): Promise<unknown> {
  return api(`/api/imports/${id}`, { method: 'DELETE' });
}

/**
 * Commits a previewed import. The server answers with one JSON object per line:
 * {type:'progress',done,total}…, then {type:'done',created,updated} or {type:'error',error}.
 */
export async function commitImport(id: string, onProgress: (done: number, total: number) => void): Promise<ImportResult> {
  let res: Response;
  try {
    res = await fetch(`/api/imports/${id}/commit`, {
      method: 'POST',
      headers: { accept: 'application/x-ndjson, application/json', ...csrfHeaders() },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!res.ok || !res.body) {
    const err = await errorFromResponse(res);
    reportUnauthorized(err);
    throw err;
  }
  let result: ImportResult | null = null;
  let failure: ApiError | null = null;
  await readNdjson(res.body, (line) => {
    if (!line || typeof line !== 'object') return;
    const msg = line as { type?: string; done?: number; total?: number; error?: unknown };
    // Without the ndjson Accept header the server answers with the bare result; accept that too.
    if (msg.type === undefined && 'created' in msg) {
      const parsed = importResult.safeParse(line);
      if (parsed.success) result = parsed.data;
    } else if (msg.type === 'progress') onProgress(Number(msg.done) || 0, Number(msg.total) || 0);
    else if (msg.type === 'done') {
      const parsed = importResult.safeParse(line);
      result = parsed.success ? parsed.data : { created: 0, updated: 0 };
    } else if (msg.type === 'error') failure = errorFromPayload(500, { error: msg.error });
  });
  if (failure) throw failure;
  // A stream that stops without its last word means the server or the connection died.
  if (!result) throw new ApiError(0, 'import.interrupted');
  return result;
}
