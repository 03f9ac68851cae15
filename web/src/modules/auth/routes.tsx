import { lazy } from 'react';
import type { AppModule } from '../../app/route-types';

export const authModule: AppModule = {
  name: 'auth',
  routes: [
    // Reached from the user menu, not the navigation.
    { key: 'account', path: 'account', labelKey: 'account.title', page: lazy(() => import('./pages/AccountPage')) },
  ],
  publicRoutes: [
    { path: '/setup', page: lazy(() => import('./pages/SetupPage')) },
    { path: '/login', page: lazy(() => import('./pages/LoginPage')) },
  ],
};
