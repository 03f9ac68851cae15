import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language, User } from '@shared/contracts/auth.js';
import { ROLES, type Role } from '@shared/lib/access.js';
import { LANGUAGES, LANGUAGE_NAMES } from '../../../lib/i18n';
import { passwordHint, passwordRule } from '../../../lib/password-rule';
import { useCan } from '../../../lib/session';
import { FormDrawer } from '../../../ui/FormDrawer';
import { PersonPicker } from '../../org';
import { useCreateUser, useUpdateUser } from '../api';

/** Select cannot hold null: this stands for "follow the organisation default". */
const ORG_DEFAULT = 'org-default';

interface UserValues {
  login: string;
  name: string;
  password: string;
  roles: Role[];
  personId: number | null;
  language: Language | typeof ORG_DEFAULT;
  disabled: boolean;
}

export function UserFormDrawer({ editing, onClose }: { editing: User | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const create = useCreateUser();
  const update = useUpdateUser();
  const current = editing !== 'new' ? editing : null;

  const initialValues: Partial<UserValues> = current
    ? { ...current, language: current.language ?? ORG_DEFAULT }
    : { login: '', name: '', password: '', roles: ['staff'], personId: null, language: ORG_DEFAULT, disabled: false };

  const submit = (v: UserValues) => {
    const language = v.language === ORG_DEFAULT ? null : v.language;
    if (current) {
      return update.mutateAsync({
        id: current.id,
        patch: { name: v.name, roles: v.roles, personId: v.personId ?? null, language, disabled: v.disabled },
      });
    }
    return create.mutateAsync({
      login: v.login,
      name: v.name,
      password: v.password,
      roles: v.roles,
      personId: v.personId ?? null,
      language,
    });
  };

  return (
    <FormDrawer<UserValues>
      open={editing !== null}
      name="user"
      title={current ? t('users.edit', { name: current.name }) : t('users.create')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => (
        <>
          <Form.Item
            name="login"
            label={t('auth.fields.login')}
            extra={current ? t('users.loginFixed') : t('auth.loginHint')}
            rules={[{ required: true }, { min: 2, max: 64 }, { pattern: /^[A-Za-z0-9._@-]+$/, message: t('validation.invalid_login') }]}
          >
            <Input disabled={!!current} autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('auth.fields.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input />
          </Form.Item>
          {!current && (
            <Form.Item
              name="password"
              label={t('users.initialPassword')}
              extra={passwordHint(t)}
              dependencies={['login']}
              rules={[{ required: true }, passwordRule(t, () => form.getFieldValue('login') ?? '')]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item
            name="roles"
            label={t('users.fields.roles')}
            extra={t('users.rolesHint')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="user-roles" />
          </Form.Item>
          {can('org:read') && (
            <Form.Item name="personId" label={t('users.fields.person')} extra={t('users.personHint')}>
              <PersonPicker initialLabel={current?.personName} />
            </Form.Item>
          )}
          <Form.Item name="language" label={t('users.fields.language')}>
            <Select
              options={[
                { value: ORG_DEFAULT, label: t('users.languageOrgDefault') },
                ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
              ]}
            />
          </Form.Item>
          {current && (
            <Form.Item name="disabled" label={t('users.fields.disabled')} extra={t('users.disabledHint')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </>
      )}
    </FormDrawer>
  );
}
