// /api/vendors: the vendor directory. Path, schema, permission, one service call.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, okResponse } from '../../../shared/contracts/common.js';
import { vendor, vendorInput, vendorKindsResponse, vendorListQuery, vendorPage, vendorPatch } from '../../../shared/contracts/vendors.js';
import type { createVendorsService } from './vendors.service.js';

export function registerVendorRoutes(app: FastifyInstance, s: ReturnType<typeof createVendorsService>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'org:read' as const };
  const write = { access: 'org:write' as const };
  const tags = ['vendors'];

  r.get(
    '/api/vendors',
    { config: read, schema: { tags, summary: 'List and search vendors', querystring: vendorListQuery, response: { 200: vendorPage } } },
    (req) => s.list(req.query),
  );
  r.get(
    '/api/vendors/kinds',
    { config: read, schema: { tags, summary: 'Every kind tag in use, with its vendor count', response: { 200: vendorKindsResponse } } },
    async () => ({ items: await s.kinds() }),
  );
  r.get('/api/vendors/:id', { config: read, schema: { tags, summary: 'One vendor', params: idParam, response: { 200: vendor } } }, (req) =>
    s.get(req.params.id),
  );
  r.post(
    '/api/vendors',
    { config: write, schema: { tags, summary: 'Add a vendor', body: vendorInput, response: { 200: vendor } } },
    (req) => s.create(req.actor, req.body),
  );
  r.patch(
    '/api/vendors/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a vendor; active: false deactivates it',
        params: idParam,
        body: vendorPatch,
        response: { 200: vendor },
      },
    },
    (req) => s.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/vendors/:id',
    {
      config: write,
      schema: { tags, summary: 'Delete a vendor nothing refers to (else deactivate it)', params: idParam, response: { 200: okResponse } },
    },
    async (req) => {
      await s.remove(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
}
