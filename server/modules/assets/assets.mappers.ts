// Row → response shapes, and the field view the audit trail and the history record.
import type { Asset, AssetStatus } from '../../../shared/contracts/assets.js';
import { netValueFen } from '../../../shared/lib/depreciation.js';
import { fromJson } from '../../db/dialect.js';
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
