// The home page when modules contribute widgets (AppModule.dashboard): the cards this user may
// see, in their order, each loaded on its own so a slow one does not hold up the others.
import { Card, Col, Row, Skeleton } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@shared/lib/access.js';
import { PageHeader } from '../ui/PageHeader';
import { MODULES } from './modules';
import type { DashboardWidget } from './route-types';

const WIDGETS: readonly DashboardWidget[] = MODULES.flatMap((m) => m.dashboard ?? []).sort((a, b) => a.order - b.order);

export function visibleWidgets(can: (permission: Permission | undefined) => boolean): DashboardWidget[] {
  return WIDGETS.filter((w) => can(w.permission));
}

export function HomeDashboard({ widgets }: { widgets: readonly DashboardWidget[] }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('home.welcome')} />
      <Row gutter={[16, 16]} data-testid="home-dashboard">
        {widgets.map((w) => (
          <Col key={w.key} xs={24} lg={12}>
            <Suspense
              fallback={
                <Card>
                  <Skeleton active />
                </Card>
              }
            >
              <w.widget />
            </Suspense>
          </Col>
        ))}
      </Row>
    </>
  );
}
