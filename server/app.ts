// buildApp: the Fastify instance with the core plugins and every module. main.ts and the tests
// both build the server through this one function.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Connection } from './db/connect.js';
import { createAudit } from './core/audit.js';
import { systemClock, type Clock } from './core/clock.js';
import { createEventBus } from './core/events.js';
import { installAuth } from './core/http/auth-plugin.js';
import { installErrorHandler, routeNotFound } from './core/http/error-handler.js';
import { installSecurityHeaders } from './core/http/security-headers.js';
import type { ModuleContext } from './core/module.js';
import type { RouteAccess } from './core/permissions.js';
import { projectRoot } from './core/paths.js';
import { createReferences } from './core/references.js';
import { createRegistries } from './core/registries.js';
import { createScheduler, runOnce } from './core/scheduler.js';
import { createImports } from './core/imports.js';
import { createAuthResolver } from './modules/auth/index.js';
import { modules } from './modules.js';
import { VERSION } from './core/version.js';

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
  }
}

export interface AppDeps {
  config: Readonly<Config>;
  connection: Connection;
  clock?: Clock;
  /** false in tests; otherwise a pino logger configuration. */
  logger?: boolean | object;
}

// Request fields that must never reach a log line.
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; ctx: ModuleContext }> {
  const { config, connection } = deps;
  const app = Fastify({
    logger:
      deps.logger === false ? false : { level: config.logLevel, redact: REDACT, ...(typeof deps.logger === 'object' ? deps.logger : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
  });
  // JSON and multipart only: a text/plain body (what a cross-site form can send) is refused.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const clock = deps.clock ?? systemClock;
  const audit = createAudit(clock);
  const ctx: ModuleContext = {
    config,
    db: connection.db,
    kind: connection.kind,
    audit,
    clock,
    events: createEventBus((event, err) => app.log.error({ err, event }, 'event handler failed')),
    // Several instances on PostgreSQL: each tick of a job runs on one of them only.
    scheduler: createScheduler(
      (msg, err) => app.log.error({ err }, msg),
      (name, work) => runOnce(connection.db, connection.kind, name, work),
    ),
    references: createReferences(),
    registries: createRegistries(),
    imports: createImports({ db: connection.db, audit, clock }),
  };

  // Every route with the access it declares: the permission test walks this list.
  const routes: RouteInfo[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    // The API description is public, like /api/health.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), access: 'public' };
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: (route.config as { access?: RouteAccess } | undefined)?.access });
    }
  });

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 12, fieldSize: 1000 },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Sysward API', version: VERSION, description: '网管台 Sysward REST API' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sysward_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'none' } });
  installErrorHandler(app);
  installSecurityHeaders(app);
  installAuth(app, { db: connection.db, audit, resolver: createAuthResolver(ctx) });

  for (const mod of modules) {
    await app.register(async (scoped) => mod.register(scoped, ctx), { name: mod.name } as never);
  }

  const webDist = join(projectRoot(), 'web', 'dist');
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  // The single-page app answers every other GET with index.html; the API answers 404 in JSON.
  app.setNotFoundHandler((req, reply) => {
    if (!hasWeb || req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send(routeNotFound(String(req.id)));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  app.addHook('onClose', async () => {
    ctx.scheduler.stop();
    await ctx.events.idle();
  });
  return { app, ctx };
}
