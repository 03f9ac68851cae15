// The list's columns and saved views, both kept in the URL (cols=…, view=…). A user's last
// applied view is remembered on this device and applied again when they open the plain list,
// so their chosen columns come back without picking the view each time.
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../../lib/session';
import { useAssetViews, type SavedView } from '../../api';
import { COLUMNS_PARAM, VIEW_PARAM } from './list-query';
import { DEFAULT_COLUMNS } from './vocabulary';
import type { ViewConfig } from './ViewsMenu';

const lastViewKey = (userId: number) => `sysward.assets.lastView.${userId}`;
function remember(userId: number | undefined, viewId: number | null): void {
  if (userId === undefined) return;
  try {
    if (viewId === null) localStorage.removeItem(lastViewKey(userId));
    else localStorage.setItem(lastViewKey(userId), String(viewId));
  } catch {
    // storage blocked: the view is just not remembered
  }
}
function recall(userId: number): number | null {
  try {
    return Number(localStorage.getItem(lastViewKey(userId))) || null;
  } catch {
    return null;
  }
}

const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** The URL of a saved view: its filters, its columns (unless the defaults) and its id. */
function paramsOf(view: SavedView): URLSearchParams {
  const next = new URLSearchParams(view.config.query);
  if (view.config.columns.length && !sameColumns(view.config.columns, DEFAULT_COLUMNS))
    next.set(COLUMNS_PARAM, view.config.columns.join(','));
  next.set(VIEW_PARAM, String(view.id));
  return next;
}

export function useListColumns(columnIds: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const userId = useMe().data?.user.id;
  const views = useAssetViews();
  const activeId = Number(params.get(VIEW_PARAM)) || undefined;

  // The latest chosen columns, ahead of the URL: two quick clicks in the chooser both count.
  const latest = useRef<readonly string[]>(columnIds);
  useEffect(() => {
    latest.current = columnIds;
  }, [columnIds]);
  const setColumns = (update: (current: readonly string[]) => string[]) => {
    const ids = update(latest.current);
    latest.current = ids;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (sameColumns(ids, DEFAULT_COLUMNS)) next.delete(COLUMNS_PARAM);
        else next.set(COLUMNS_PARAM, ids.join(','));
        return next;
      },
      { replace: true },
    );
  };

  /** What a saved view stores: the columns, and every list parameter but the page. */
  const current: ViewConfig = {
    columns: [...columnIds],
    query: Object.fromEntries([...params].filter(([k]) => k !== 'page' && k !== VIEW_PARAM && k !== COLUMNS_PARAM)),
  };

  const apply = (view: SavedView) => {
    setParams(paramsOf(view));
    remember(userId, view.id);
  };

  const reset = () => {
    setParams(new URLSearchParams());
    remember(userId, null);
  };

  // Opening the plain list (no parameters at all) brings back the last view, once per visit.
  const tried = useRef(false);
  const plain = params.size === 0;
  useEffect(() => {
    if (tried.current || !views.data || userId === undefined) return;
    tried.current = true;
    if (!plain) return;
    const last = views.data.find((v) => v.id === recall(userId));
    if (!last) return;
    setParams(paramsOf(last), { replace: true });
  }, [views.data, userId, plain, setParams]);

  return { setColumns, view: { current, activeId, apply, reset } };
}
