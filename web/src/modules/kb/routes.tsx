// The knowledge base's pages, in the tickets navigation group (orders 50–59): the technicians'
// list and the FAQ for everyone; the article page and the editor are reached from them, from
// ticket suggestions (/kb/articles/:id) and from a resolved ticket (/kb/articles/new?fromTicket=).
import { BookOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/route-types';

export const kbModule: AppModule = {
  name: 'kb',
  routes: [
    {
      key: 'kb',
      path: 'kb',
      labelKey: 'kb.nav.list',
      icon: <BookOutlined />,
      permission: 'kb:read',
      group: 'tickets',
      order: 50,
      page: lazy(() => import('./pages/KbListPage')),
    },
    {
      key: 'kb-faq',
      path: 'kb/faq',
      labelKey: 'kb.nav.faq',
      icon: <QuestionCircleOutlined />,
      group: 'tickets',
      order: 55,
      page: lazy(() => import('./pages/FaqPage')),
    },
    {
      key: 'kb-new',
      path: 'kb/articles/new',
      labelKey: 'kb.nav.new',
      permission: 'kb:write',
      page: lazy(() => import('./pages/ArticleEditPage')),
    },
    {
      key: 'kb-edit',
      path: 'kb/articles/:id/edit',
      labelKey: 'kb.nav.edit',
      permission: 'kb:write',
      page: lazy(() => import('./pages/ArticleEditPage')),
    },
    {
      // Staff open FAQ entries here; the server answers 404 for what they may not read.
      key: 'kb-article',
      path: 'kb/articles/:id',
      labelKey: 'kb.nav.article',
      page: lazy(() => import('./pages/ArticlePage')),
    },
  ],
};
