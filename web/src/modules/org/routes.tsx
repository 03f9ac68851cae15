import { ApartmentOutlined, BookOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule } from '../../app/route-types';

export const orgModule: AppModule = {
  name: 'org',
  routes: [
    {
      key: 'departments',
      path: 'org/departments',
      labelKey: 'nav.departments',
      icon: <ApartmentOutlined />,
      permission: 'org:read',
      group: 'basic',
      order: 10,
      page: lazy(() => import('./pages/DepartmentsPage')),
    },
    {
      key: 'people',
      path: 'org/people',
      labelKey: 'nav.people',
      icon: <TeamOutlined />,
      permission: 'org:read',
      group: 'basic',
      order: 20,
      page: lazy(() => import('./pages/PeoplePage')),
    },
    {
      key: 'locations',
      path: 'org/locations',
      labelKey: 'nav.locations',
      icon: <EnvironmentOutlined />,
      permission: 'org:read',
      group: 'basic',
      order: 30,
      page: lazy(() => import('./pages/LocationsPage')),
    },
    {
      key: 'dictionaries',
      path: 'org/dictionaries',
      labelKey: 'nav.dictionaries',
      icon: <BookOutlined />,
      permission: 'dictionaries:read',
      group: 'basic',
      order: 40,
      page: lazy(() => import('./pages/DictionariesPage')),
    },
    {
      key: 'vendors',
      path: 'org/vendors',
      labelKey: 'nav.vendors',
      icon: <ShopOutlined />,
      permission: 'org:read',
      group: 'basic',
      order: 50,
      page: lazy(() => import('./pages/VendorsPage')),
    },
  ],
};
