// Demo step: a couple of user-defined dictionaries. Declared dictionaries need nothing: the
// server creates them on start. Should one of these codes already exist (a module came to
// declare it, or the server ran first), only its missing items are added.
import { dictionaryInput, dictionaryItemInput } from '../../shared/contracts/org.js';
import { createDictionariesService } from '../../server/modules/org/index.js';
import type { DemoStep } from './context.js';
import { DICTIONARIES } from './org-data.js';

export const dictionariesStep: DemoStep = {
  name: 'dictionaries',
  async run(ctx) {
    const dictionaries = createDictionariesService(ctx.deps);
    const existing = await dictionaries.list();
    let items = 0;
    for (const spec of DICTIONARIES) {
      const dict =
        existing.find((d) => d.code === spec.code) ??
        (await dictionaries.create(ctx.actor, dictionaryInput.parse({ code: spec.code, name: spec.name, description: spec.description })));
      ctx.dictionaries.set(spec.code, dict.id);
      for (const [i, item] of spec.items.entries()) {
        if (dict.items.some((x) => x.value === item.value)) continue;
        await dictionaries.addItem(
          ctx.actor,
          dict.id,
          dictionaryItemInput.parse({ label: item.label, value: item.value, sortOrder: (i + 1) * 10 }),
        );
        items++;
      }
    }
    ctx.summary.push(`${DICTIONARIES.length} dictionaries (${items} items)`);
  },
};
