// Paging arithmetic shared by every list endpoint.
import { SEARCH_ID_CAP } from '../db/dialect.js';

export function pageWindow(q: { page: number; pageSize: number }): { limit: number; offset: number } {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/**
 * Whether a list's filters are dense for this page: thousands of matches and an early page. The
 * page is then found sooner by walking the sort index and testing each row, which stops as soon
 * as the page is full, than by gathering and sorting every match (see inWithoutIndex).
 */
export function isDensePage(total: number, window: { limit: number; offset: number }): boolean {
  return total > SEARCH_ID_CAP && (window.offset + window.limit) * 20 < total;
}
