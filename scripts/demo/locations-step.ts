// Demo step: the location trees, campus → building → floor → room, with each room's kind.
import { locationInput } from '../../shared/contracts/org.js';
import { createLocationsService } from '../../server/modules/org/index.js';
import type { DemoStep } from './context.js';
import { LOCATIONS, type LocationSpec } from './locations-data.js';

export const locationsStep: DemoStep = {
  name: 'locations',
  async run(ctx) {
    const locations = createLocationsService(ctx.deps);
    let count = 0;

    async function create(spec: LocationSpec, parentId: number | null, sortOrder: number): Promise<void> {
      const input = locationInput.parse({
        name: spec.name,
        code: spec.code ?? null,
        kind: spec.kind,
        parentId,
        sortOrder,
        notes: spec.notes ?? '',
      });
      const loc = await locations.create(ctx.actor, input);
      count++;
      if (spec.key) ctx.locations.set(spec.key, loc.id);
      for (const [i, child] of (spec.children ?? []).entries()) await create(child, loc.id, (i + 1) * 10);
    }

    for (const [i, root] of LOCATIONS.entries()) await create(root, null, (i + 1) * 10);
    ctx.summary.push(`${count} locations`);
  },
};
