import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import './app/base.css';
import './lib/i18n';
import { Providers, createQueryClient } from './app/providers';
import { createAppRouter } from './app/router';
import { wireSession } from './app/wiring';

const queryClient = createQueryClient();
const router = createAppRouter();
wireSession(queryClient, router);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
