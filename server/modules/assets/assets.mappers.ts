// Row → response shapes, and the field view the audit trail and the history record.
import type { z } from 'zod';
import type { Asset, AssetStatus, assetInput, Category } from '../../../shared/contracts/assets.js';
import { addMonths, netValueFen } from '../../../shared/lib/depreciation.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { AssetRow } from './assets.repository.js';

export function toAsset(r: AssetRow, today: string): Asset {
  const a = {
    id: r.id,
    number: r.number,
    name: r.name,
    categoryId: r.category_id,
    categoryName: r.category_name,
    brand: r.brand,
    model: r.model,
    serial: r.serial,
    status: r.status as AssetStatus,
    statusReason: r.status_reason,
    locationId: r.location_id,
    locationName: r.location_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    holderPersonId: r.holder_person_id,
    holderName: r.holder_name,
    purchaseDate: r.purchase_date,
    priceFen: r.price_fen === null ? null : Number(r.price_fen),
    supplier: r.supplier,
    orderNumber: r.order_number,
    warrantyEnd: r.warranty_end,
    lifeMonths: r.life_months,
    residualRate: r.residual_bp === null ? null : r.residual_bp / 100,
    netValueFen: null as number | null,
    hostname: r.hostname,
    ip: r.ip,
    mac: r.mac,
    notes: r.notes,
    custom: fromJson<Asset['custom']>(r.custom),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
  a.netValueFen = netValueFen(a, today);
  return a;
}

/** The editable fields, as the audit trail and the timeline record them (names, not only ids). */
export function assetAuditView(a: Asset): Record<string, unknown> {
  const {
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    netValueFen: _n,
    categoryId: _ci,
    locationId: _l,
    departmentId: _d,
    holderPersonId: _h,
    ...rest
  } = a;
  return rest;
}

/**
 * The row a new asset is stored as: life and residual rate default from its category, end of
 * life follows from purchase date and life. `custom` must already be checked.
 */
export function newAssetRow(
  input: z.output<typeof assetInput> & { number: string },
  category: Category,
  custom: Asset['custom'],
  now: number,
) {
  const lifeMonths = input.lifeMonths ?? category.defaultLifeMonths;
  const residualRate = input.residualRate ?? category.defaultResidualRate;
  return {
    number: input.number,
    name: input.name,
    category_id: input.categoryId,
    brand: input.brand,
    model: input.model,
    serial: input.serial,
    status: input.status,
    status_reason: input.statusReason,
    location_id: input.locationId,
    department_id: input.departmentId,
    holder_person_id: input.holderPersonId,
    purchase_date: input.purchaseDate,
    price_fen: input.priceFen,
    supplier: input.supplier,
    order_number: input.orderNumber,
    warranty_end: input.warrantyEnd,
    life_months: lifeMonths,
    residual_bp: residualRate === null ? null : Math.round(residualRate * 100),
    eol_date: input.purchaseDate && lifeMonths ? addMonths(input.purchaseDate, lifeMonths) : null,
    hostname: input.hostname,
    ip: input.ip,
    mac: input.mac,
    notes: input.notes,
    custom: toJson(custom),
    created_at: now,
    updated_at: now,
  };
}
