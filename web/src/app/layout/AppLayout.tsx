// The signed-in frame: navigation on the left (a drawer under 768 px), top bar, page.
import { Drawer, Grid, Layout, Spin, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { Navigation } from '../navigation';
import { TopBar } from './TopBar';

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  // Before the first measurement screens is empty: assume a desktop rather than flash a drawer.
  const mobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // The name leads home (the dashboard of what is due), as people expect of a logo.
  const brand = (
    <Link
      to="/"
      data-testid="brand-home"
      onClick={() => setDrawerOpen(false)}
      style={{
        color: 'inherit',
        height: 56,
        display: 'flex',
        alignItems: 'center',
        padding: '0 20px',
        fontWeight: 600,
        fontSize: 16,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      {collapsed && !mobile ? t('app.shortName') : t('app.name')}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider
          theme="light"
          width={220}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          {brand}
          <Navigation collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout>
        <TopBar mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          styles={{ body: { padding: 0 } }}
          title={t('app.name')}
        >
          <Navigation onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
