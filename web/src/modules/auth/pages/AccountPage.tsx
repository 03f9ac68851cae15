// "My account": the signed-in user's profile, password, sessions and API tokens.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../ui/PageHeader';
import { PasswordForm } from '../components/PasswordForm';
import { ProfileForm } from '../components/ProfileForm';
import { SessionsTable } from '../components/SessionsTable';
import { TokensPanel } from '../components/TokensPanel';

const TABS = ['profile', 'password', 'sessions', 'tokens'] as const;

export default function AccountPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'profile';
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'profile', label: t('account.tabs.profile'), children: <ProfileForm /> },
          { key: 'password', label: t('account.tabs.password'), children: <PasswordForm /> },
          { key: 'sessions', label: t('account.tabs.sessions'), children: <SessionsTable /> },
          { key: 'tokens', label: t('account.tabs.tokens'), children: <TokensPanel /> },
        ]}
      />
    </>
  );
}
