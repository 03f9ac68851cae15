// Turns every failure into { error: { code, message, details, requestId } } with the status from
// the one table in core/errors. Stack traces and SQL stay in the log, never in a response.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, CoreErrors, statusOf, type ErrorDetail } from '../errors.js';

interface ZodLikeIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { code?: string; path?: PropertyKey[]; keys?: string[]; message?: string; minimum?: unknown; maximum?: unknown; expected?: unknown; values?: unknown } };
}

function validationDetails(issues: ZodLikeIssue[], context: string | undefined): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const i of issues) {
    const issue = i.params?.issue;
    const path = (issue?.path ?? []).map(String);
    const base = path.join('.');
    const prefix = context && context !== 'body' ? `${context}:` : '';
    if (issue?.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) details.push({ field: prefix + (base ? `${base}.${key}` : key), reason: 'unrecognized_keys' });
      continue;
    }
    // Custom refinements carry their reason as the message (e.g. invalid_email).
    const reason =
      issue?.code === 'custom' || (issue?.message && /^[a-z_]+$/.test(issue.message))
        ? (issue?.message ?? 'invalid')
        : (issue?.code ?? 'invalid');
    const params: Record<string, unknown> = {};
    for (const k of ['minimum', 'maximum', 'expected', 'values'] as const) {
      if (issue?.[k] !== undefined) params[k] = issue[k];
    }
    details.push({ field: prefix + base, reason, ...(Object.keys(params).length ? { params } : {}) });
  }
  return details;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    let code: string;
    let details: ErrorDetail[] = [];
    let message: string;
    if (err instanceof AppError) {
      code = err.code;
      details = err.details;
      message = err.message === err.code ? code : err.message;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      code = CoreErrors['validation.failed'];
      details = validationDetails(err.validation as ZodLikeIssue[], err.validationContext);
      message = 'The request is not valid';
    } else {
      const fe = err as FastifyError;
      switch (fe.code) {
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
          code = CoreErrors['request.malformed_json'];
          message = 'The request body is not valid JSON';
          break;
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
          code = CoreErrors['request.unsupported_media_type'];
          message = 'Unsupported content type';
          break;
        case 'FST_REQ_FILE_TOO_LARGE':
          code = CoreErrors['file.too_large'];
          message = 'The file is too large';
          break;
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
        case 'FST_PARTS_LIMIT':
        case 'FST_FILES_LIMIT':
        case 'FST_FIELDS_LIMIT':
          code = CoreErrors['request.too_large'];
          message = 'The request is too large';
          break;
        default:
          if (fe.statusCode === 429) {
            code = CoreErrors['auth.rate_limited'];
            message = 'Too many requests';
          } else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
            // Fastify's own client errors (bad headers, bad URL encoding...).
            code = CoreErrors['validation.failed'];
            message = 'The request is not valid';
          } else {
            req.log.error({ err }, 'unhandled error');
            code = CoreErrors.internal;
            message = 'Internal error';
          }
      }
    }
    const status = err instanceof AppError || statusOf(code) !== 500 ? statusOf(code) : 500;
    void reply.status(status).send({ error: { code, message, details, requestId: String(req.id) } });
  });
}

export function routeNotFound(requestId: string) {
  return { error: { code: CoreErrors['route.not_found'], message: 'No such route', details: [], requestId } };
}
