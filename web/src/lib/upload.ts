// Multipart upload through XMLHttpRequest, because fetch still cannot report upload progress.
import type { z } from 'zod';
import { ApiError, csrfHeaders, errorFromPayload, reportUnauthorized } from './api-client';

export interface UploadOptions<T> {
  url: string;
  form: FormData;
  schema: z.ZodType<T>;
  /** 0..100 */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

export function uploadWithProgress<T>({ url, form, schema, onProgress, signal }: UploadOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // fall through with null: reported below as a bad response or by status
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const err = errorFromPayload(xhr.status, payload);
        reportUnauthorized(err);
        reject(err);
        return;
      }
      const parsed = schema.safeParse(payload);
      if (parsed.success) resolve(parsed.data);
      else {
        console.error(`Response of ${url} does not match its contract`, parsed.error.issues);
        reject(new ApiError(xhr.status, 'client.bad_response'));
      }
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
