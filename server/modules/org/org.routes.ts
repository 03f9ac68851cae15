// /api/departments, /api/people, /api/locations, /api/dictionaries: path, schema, permission,
// one service call. Import and export routes come from the shared tabular machinery.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, idParam, okResponse } from '../../../shared/contracts/common.js';
import {
  department,
  departmentInput,
  departmentListQuery,
  departmentPage,
  departmentPatch,
  dictionary,
  dictionaryInput,
  dictionaryItemInput,
  dictionaryItemPatch,
  dictionaryListResponse,
  dictionaryPatch,
  location,
  locationInput,
  locationListQuery,
  locationPage,
  locationPatch,
  person,
  personInput,
  personListQuery,
  personPage,
  personPatch,
  treeResponse,
} from '../../../shared/contracts/org.js';
import type { createDepartmentsService } from './departments.service.js';
import type { createDictionariesService } from './dictionaries.service.js';
import type { createLocationsService } from './locations.service.js';
import type { createPeopleService } from './people.service.js';

export interface OrgServices {
  people: ReturnType<typeof createPeopleService>;
  departments: ReturnType<typeof createDepartmentsService>;
  locations: ReturnType<typeof createLocationsService>;
  dictionaries: ReturnType<typeof createDictionariesService>;
}

const ok = { ok: true as const };

export function registerOrgRoutes(app: FastifyInstance, s: OrgServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'org:read' as const };
  const write = { access: 'org:write' as const };

  // ---- departments ----
  let tags = ['departments'];
  r.get(
    '/api/departments',
    { config: read, schema: { tags, summary: 'List departments', querystring: departmentListQuery, response: { 200: departmentPage } } },
    (req) => s.departments.list(req.query),
  );
  r.get(
    '/api/departments/tree',
    { config: read, schema: { tags, summary: 'Every department as a flat tree', response: { 200: treeResponse } } },
    async () => ({ items: await s.departments.tree() }),
  );
  r.get(
    '/api/departments/:id',
    { config: read, schema: { tags, summary: 'One department', params: idParam, response: { 200: department } } },
    (req) => s.departments.get(req.params.id),
  );
  r.post(
    '/api/departments',
    { config: write, schema: { tags, summary: 'Create a department', body: departmentInput, response: { 200: department } } },
    (req) => s.departments.create(req.actor, req.body),
  );
  r.patch(
    '/api/departments/:id',
    {
      config: write,
      schema: { tags, summary: 'Edit a department', params: idParam, body: departmentPatch, response: { 200: department } },
    },
    (req) => s.departments.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/departments/:id',
    {
      config: write,
      schema: { tags, summary: 'Delete a department that nothing refers to', params: idParam, response: { 200: okResponse } },
    },
    async (req) => {
      await s.departments.remove(req.actor, req.params.id);
      return ok;
    },
  );

  // ---- people ----
  tags = ['people'];
  r.get(
    '/api/people',
    { config: read, schema: { tags, summary: 'List and search people', querystring: personListQuery, response: { 200: personPage } } },
    (req) => s.people.list(req.query),
  );
  r.get('/api/people/:id', { config: read, schema: { tags, summary: 'One person', params: idParam, response: { 200: person } } }, (req) =>
    s.people.get(req.params.id),
  );
  r.post(
    '/api/people',
    { config: write, schema: { tags, summary: 'Create a person', body: personInput, response: { 200: person } } },
    (req) => s.people.create(req.actor, req.body),
  );
  r.patch(
    '/api/people/:id',
    { config: write, schema: { tags, summary: 'Edit a person', params: idParam, body: personPatch, response: { 200: person } } },
    (req) => s.people.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/people/:id',
    { config: write, schema: { tags, summary: 'Delete a person that nothing refers to', params: idParam, response: { 200: okResponse } } },
    async (req) => {
      await s.people.remove(req.actor, req.params.id);
      return ok;
    },
  );

  // ---- locations ----
  tags = ['locations'];
  r.get(
    '/api/locations',
    { config: read, schema: { tags, summary: 'List locations', querystring: locationListQuery, response: { 200: locationPage } } },
    (req) => s.locations.list(req.query),
  );
  r.get(
    '/api/locations/tree',
    { config: read, schema: { tags, summary: 'Every location as a flat tree', response: { 200: treeResponse } } },
    async () => ({ items: await s.locations.tree() }),
  );
  r.get(
    '/api/locations/:id',
    { config: read, schema: { tags, summary: 'One location', params: idParam, response: { 200: location } } },
    (req) => s.locations.get(req.params.id),
  );
  r.post(
    '/api/locations',
    { config: write, schema: { tags, summary: 'Create a location', body: locationInput, response: { 200: location } } },
    (req) => s.locations.create(req.actor, req.body),
  );
  r.patch(
    '/api/locations/:id',
    { config: write, schema: { tags, summary: 'Edit a location', params: idParam, body: locationPatch, response: { 200: location } } },
    (req) => s.locations.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/locations/:id',
    {
      config: write,
      schema: { tags, summary: 'Delete a location that nothing refers to', params: idParam, response: { 200: okResponse } },
    },
    async (req) => {
      await s.locations.remove(req.actor, req.params.id);
      return ok;
    },
  );

  // ---- dictionaries ----
  tags = ['dictionaries'];
  const dRead = { access: 'dictionaries:read' as const };
  const dWrite = { access: 'dictionaries:write' as const };
  const itemParams = z.strictObject({ id, itemId: id });
  r.get(
    '/api/dictionaries',
    { config: dRead, schema: { tags, summary: 'Every dictionary with its items', response: { 200: dictionaryListResponse } } },
    async () => ({ items: await s.dictionaries.list() }),
  );
  r.get(
    '/api/dictionaries/:id',
    { config: dRead, schema: { tags, summary: 'One dictionary', params: idParam, response: { 200: dictionary } } },
    (req) => s.dictionaries.get(req.params.id),
  );
  r.post(
    '/api/dictionaries',
    { config: dWrite, schema: { tags, summary: 'Create a dictionary', body: dictionaryInput, response: { 200: dictionary } } },
    (req) => s.dictionaries.create(req.actor, req.body),
  );
  r.patch(
    '/api/dictionaries/:id',
    {
      config: dWrite,
      schema: { tags, summary: 'Rename a dictionary', params: idParam, body: dictionaryPatch, response: { 200: dictionary } },
    },
    (req) => s.dictionaries.update(req.actor, req.params.id, req.body),
  );
  r.delete(
    '/api/dictionaries/:id',
    { config: dWrite, schema: { tags, summary: 'Delete a dictionary (not a system one)', params: idParam, response: { 200: okResponse } } },
    async (req) => {
      await s.dictionaries.remove(req.actor, req.params.id);
      return ok;
    },
  );
  r.post(
    '/api/dictionaries/:id/items',
    { config: dWrite, schema: { tags, summary: 'Add an item', params: idParam, body: dictionaryItemInput, response: { 200: dictionary } } },
    (req) => s.dictionaries.addItem(req.actor, req.params.id, req.body),
  );
  r.patch(
    '/api/dictionaries/:id/items/:itemId',
    {
      config: dWrite,
      schema: { tags, summary: 'Edit an item', params: itemParams, body: dictionaryItemPatch, response: { 200: dictionary } },
    },
    (req) => s.dictionaries.updateItem(req.actor, req.params.id, req.params.itemId, req.body),
  );
  r.delete(
    '/api/dictionaries/:id/items/:itemId',
    { config: dWrite, schema: { tags, summary: 'Delete an item', params: itemParams, response: { 200: dictionary } } },
    (req) => s.dictionaries.removeItem(req.actor, req.params.id, req.params.itemId),
  );
}
