import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../lib/session';
import { useLogout } from '../../modules/auth/api';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const logout = useLogout();

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: <span data-testid="user-menu-account">{t('account.title')}</span> },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('auth.logout')}</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'account') void navigate('/account');
          if (key === 'logout') logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
        {me?.user.name}
      </Button>
    </Dropdown>
  );
}
