// One closed stocktake: this year's count of the school's laboratory building (the computer
// labs), done by the lab manager and the IT office, with what a real count turns up: most
// machines where the ledger says, a few found in the other lab, a few missing, one old label.
import { extraListQuery, itemListQuery, stocktakeInput } from '../../shared/contracts/stocktake.js';
import { createStocktakeService } from '../../server/modules/assets/index.js';
import type { DemoStep } from './context.js';

export const stocktakeStep: DemoStep = {
  name: 'stocktake',
  async run(ctx) {
    const service = createStocktakeService(ctx.deps);
    const random = ctx.random('stocktake');
    const building = ctx.locations.get('school.building.lab');
    const labs = [ctx.locations.get('school.lab1'), ctx.locations.get('school.lab2')].filter((id): id is number => id !== undefined);
    if (!building || labs.length < 2) throw new Error('the laboratory building and its two computer labs are needed');
    const year = new Date().getFullYear();
    const st = await service.start(ctx.actor, stocktakeInput.parse({ name: `${year}年度实验楼资产盘点`, locationId: building }));

    const items = [];
    for (let page = 1; ; page++) {
      const batch = await service.items(st.id, itemListQuery.parse({ page: String(page), pageSize: '200' }));
      items.push(...batch.items);
      if (items.length >= batch.total || !batch.items.length) break;
    }
    let misplaced = 0;
    for (const item of items) {
      const roll = random.next();
      if (roll < 0.03) continue; // not found: 盘亏
      // A few student machines were carried to the other lab for an exam and not brought back.
      const elsewhere = roll < 0.06 && item.locationId !== null && labs.includes(item.locationId) && misplaced < 3;
      const where = elsewhere ? labs.find((l) => l !== item.locationId)! : (item.locationId ?? building);
      if (elsewhere) misplaced++;
      await service.scan(ctx.actor, st.id, { code: item.number, locationId: where, note: '' });
    }
    await service.scan(ctx.actor, st.id, { code: 'SYJ-2015-017', locationId: labs[0]!, note: '旧标签，贴在讲台下的音箱上' });
    await service.close(ctx.actor, st.id);
    const unknown = await service.extras(st.id, extraListQuery.parse({ kind: 'unknown' }));
    ctx.summary.push(`1 closed stocktake (${items.length} items, ${misplaced} misplaced, ${unknown.total} unknown label)`);
  },
};
