// 中文 / English. Signed in, the page passes onChosen to save the choice on the user.
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, chooseLanguage, currentLanguage, type AppLanguage } from '../lib/i18n';

interface LanguageSwitchProps {
  onChosen?: (lang: AppLanguage) => void;
}

export function LanguageSwitch({ onChosen }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGUAGES.map((l) => ({ key: l, label: <span data-testid={`lang-option-${l}`}>{LANGUAGE_NAMES[l]}</span> })),
        onClick: ({ key }) => {
          const next = key as AppLanguage;
          void chooseLanguage(next).then(() => onChosen?.(next));
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('nav.language')} data-testid="lang-switch">
        {LANGUAGE_NAMES[lang]}
      </Button>
    </Dropdown>
  );
}
