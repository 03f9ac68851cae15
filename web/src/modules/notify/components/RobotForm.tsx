// Add or edit a group robot / webhook in a dialog. The address and the secret are write-only:
// the server never sends them back, so on edit both fields start empty and say "set, leave empty
// to keep"; an empty field keeps the stored value, and the secret can be cleared on purpose.
import { Checkbox, Form, Input, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ROBOT_KINDS,
  ROBOT_SECRET_MAX,
  ROBOT_URL_MAX,
  type NotifyRobot,
  type NotifyRobotUpdate,
  type RobotKind,
} from '@shared/contracts/notify-robots.js';
import { FormModal } from '../../../ui/FormModal';
import { useCreateRobot, useUpdateRobot } from '../api';

interface RobotValues {
  name: string;
  kind: RobotKind;
  url?: string;
  secret?: string;
  clearSecret?: boolean;
  enabled: boolean;
  language: '' | 'zh-CN' | 'en';
}

interface RobotFormProps {
  /** The robot being edited, 'new' to add one, null when closed. */
  editing: NotifyRobot | 'new' | null;
  onClose: () => void;
}

/** WeCom group robots have no signing; the others may. */
const SIGNS: Record<RobotKind, boolean> = { dingtalk: true, wecom: false, feishu: true, webhook: true };

function RobotFields({ form, current }: { form: FormInstance<RobotValues>; current: NotifyRobot | null }) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind', form) ?? current?.kind ?? 'dingtalk';
  const clearSecret = Form.useWatch('clearSecret', form) ?? false;
  const kept = t('notify.robots.keptPlaceholder');

  return (
    <>
      <Form.Item name="name" label={t('notify.robots.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
        <Input placeholder={t('notify.robots.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="kind" label={t('notify.robots.kind')} rules={[{ required: true }]}>
        <Select options={ROBOT_KINDS.map((k) => ({ value: k, label: t(`notify.robots.kinds.${k}`) }))} data-testid="robot-kind" />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('notify.robots.url')}
        extra={t(`notify.robots.urlHint.${kind}`)}
        rules={[
          { required: !current, whitespace: true, message: t('validation.required') },
          { max: ROBOT_URL_MAX },
          { pattern: /^https?:\/\/[^\s/?#]+\S*$/, message: t('validation.invalid_robot_url') },
        ]}
      >
        {/* Written only: the address carries the platform's access token. */}
        <Input.Password visibilityToggle autoComplete="off" inputMode="url" placeholder={current ? kept : ''} data-testid="robot-url" />
      </Form.Item>
      {SIGNS[kind] && (
        <>
          <Form.Item
            name="secret"
            label={t('notify.robots.secret')}
            extra={t(`notify.robots.secretHint.${kind}`)}
            rules={[{ max: ROBOT_SECRET_MAX }, { pattern: /^[\x21-\x7e]*$/, message: t('validation.invalid_robot_secret') }]}
          >
            <Input.Password
              autoComplete="new-password"
              placeholder={current?.secretSet ? kept : ''}
              disabled={clearSecret}
              data-testid="robot-secret"
            />
          </Form.Item>
          {current?.secretSet && (
            <Form.Item name="clearSecret" valuePropName="checked" style={{ marginTop: -12 }}>
              <Checkbox>{t('notify.robots.clearSecret')}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="language" label={t('notify.robots.language')}>
        <Select
          options={[
            { value: '', label: t('notify.robots.languageDefault') },
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Form.Item>
      <Form.Item name="enabled" label={t('notify.robots.enabled')} valuePropName="checked" extra={t('notify.robots.enabledHint')}>
        <Switch />
      </Form.Item>
    </>
  );
}

export function RobotForm({ editing, onClose }: RobotFormProps) {
  const { t } = useTranslation();
  const create = useCreateRobot();
  const update = useUpdateRobot();
  const current = editing !== 'new' ? editing : null;

  const submit = async ({ url, secret, clearSecret, ...values }: RobotValues) => {
    const name = values.name.trim();
    const newUrl = url?.trim() ?? '';
    const newSecret = SIGNS[values.kind] ? (secret?.trim() ?? '') : '';
    if (!current) return create.mutateAsync({ ...values, name, url: newUrl, secret: newSecret });
    const input: NotifyRobotUpdate = {
      ...values,
      name,
      ...(newUrl ? { url: newUrl } : {}),
      ...(newSecret ? { secret: newSecret } : clearSecret ? { secret: '' } : {}),
    };
    return update.mutateAsync({ id: current.id, input });
  };

  return (
    <FormModal<RobotValues>
      open={editing !== null}
      name="robot"
      title={current ? t('notify.robots.edit', { name: current.name }) : t('notify.robots.create')}
      initialValues={
        current
          ? { name: current.name, kind: current.kind, enabled: current.enabled, language: current.language, url: '', secret: '' }
          : { name: '', kind: 'dingtalk', enabled: true, language: '', url: '', secret: '' }
      }
      onClose={onClose}
      onSubmit={submit}
    >
      {(form) => <RobotFields form={form} current={current} />}
    </FormModal>
  );
}
