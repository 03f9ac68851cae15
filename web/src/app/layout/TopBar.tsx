import { MenuOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { useUpdateMe } from '../../modules/auth/api';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { UserMenu } from './UserMenu';

export function TopBar({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const me = useMe().data;
  const updateMe = useUpdateMe();

  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: mobile ? '0 8px' : '0 24px',
        height: 56,
        lineHeight: '56px',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
      }}
    >
      {mobile && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={onOpenMenu} data-testid="nav-open" />}
      <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="org-name">
        {me?.settings.orgName || t('app.name')}
      </Typography.Text>
      <Flex align="center" gap={4}>
        <LanguageSwitch
          onChosen={(language) =>
            // Saved on the user so it follows them to other devices.
            updateMe.mutate({ language }, { onError: (err) => void message.error(errorText(t, err)) })
          }
        />
        <UserMenu />
      </Flex>
    </Layout.Header>
  );
}
