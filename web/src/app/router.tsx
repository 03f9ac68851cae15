import { Spin } from 'antd';
import { Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomeRedirect, RequirePermission, RequireSession } from './guards';
import { AppLayout } from './layout/AppLayout';
import { PAGE_ROUTES, PUBLIC_ROUTES } from './modules';
import { NotFoundPage, RouteErrorPage } from './pages';

export function createAppRouter() {
  return createBrowserRouter([
    ...PUBLIC_ROUTES.map((r) => ({
      path: r.path,
      errorElement: <RouteErrorPage />,
      element: (
        <Suspense fallback={<Spin fullscreen />}>
          <r.page />
        </Suspense>
      ),
    })),
    {
      path: '/',
      errorElement: <RouteErrorPage />,
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        ...PAGE_ROUTES.map((r) => ({
          path: r.path,
          errorElement: <RouteErrorPage />,
          element: (
            <RequirePermission permission={r.permission}>
              <r.page />
            </RequirePermission>
          ),
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
