// What a module contributes to the app: its pages and where they sit in the navigation.
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from '@shared/lib/access.js';

/** Navigation areas, in the order they appear. A group shows only when it has a visible page. */
export const NAV_GROUPS = ['assets', 'tickets', 'monitoring', 'network', 'operations', 'labs', 'reports', 'basic', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface PageRoute {
  /** Stable key: nav item test id is `nav-<key>`. */
  key: string;
  /** Path under the signed-in layout, without a leading slash ('org/people'). */
  path: string;
  /** i18n key of the page's name in the navigation. */
  labelKey: string;
  icon?: ReactNode;
  /** Needed to see the page; absent = any signed-in user. */
  permission?: Permission;
  /** Navigation area; absent = reachable but not listed (e.g. "my account"). */
  group?: NavGroup;
  /** Order inside its group. */
  order?: number;
  page: LazyExoticComponent<ComponentType>;
}

export interface PublicRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
}

/** A card on the home page (what is due, what is down...); shown to users with its permission. */
export interface DashboardWidget {
  key: string;
  /** Needed to see the widget; absent = any signed-in user. */
  permission?: Permission;
  /** Smaller first, across all modules. */
  order: number;
  widget: LazyExoticComponent<ComponentType>;
}

/** A control in the top bar of every signed-in page; shown to users with its permission. */
export interface TopBarItem {
  key: string;
  /** Needed to see it; absent = any signed-in user. */
  permission?: Permission;
  component: LazyExoticComponent<ComponentType>;
}

export interface AppModule {
  name: string;
  routes: PageRoute[];
  /** Pages outside the signed-in layout (setup, login). */
  publicRoutes?: PublicRoute[];
  /** Home page widgets; the home page lists them, or goes to the first page when there are none. */
  dashboard?: DashboardWidget[];
  /** Small controls in the top bar, before the language switch (the notification bell). */
  topBar?: TopBarItem[];
}
