// Turns every failure into { error: { code, message, details, requestId } } with the status from
// the one table in core/errors. Stack traces and SQL stay in the log, never in a response.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, CoreErrors, statusOf, type ErrorDetail } from '../errors.js';

/** The shape fastify-type-provider-zod gives each zod issue. */
interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: {
    keys?: string[];
    minimum?: unknown;
    maximum?: unknown;
    expected?: unknown;
    values?: unknown;
    origin?: unknown;
    format?: unknown;
  };
}

function validationDetails(issues: ValidationIssue[], context: string | undefined): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const prefix = context && context !== 'body' ? `${context}:` : '';
  for (const i of issues) {
    const base = i.instancePath.split('/').filter(Boolean).join('.');
    if (i.keyword === 'unrecognized_keys') {
      for (const key of i.params.keys ?? []) details.push({ field: prefix + (base ? `${base}.${key}` : key), reason: 'unrecognized_keys' });
      continue;
    }
    // Our refinements put their reason in the message (invalid_email, control_characters...).
    let reason = i.keyword === 'custom' || /^[a-z_]+$/.test(i.message) ? i.message : i.keyword;
    if (i.keyword === 'invalid_format' && i.params.format === 'regex' && /^[a-z_]+$/.test(i.message)) reason = i.message;
    const params: Record<string, unknown> = {};
    for (const k of ['minimum', 'maximum', 'expected', 'values', 'origin'] as const) {
      if (i.params[k] !== undefined) params[k] = i.params[k];
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
      details = validationDetails(err.validation as unknown as ValidationIssue[], err.validationContext);
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
