// A create/edit form in a drawer. The form instance lives in the drawer body, which is mounted
// afresh on every opening, so one record's values never leak into the next. Server field errors
// land on their fields (form.setFields), keeping what the user typed.
import { Alert, App, Button, Drawer, Flex, Form, Grid, theme, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorText } from '../lib/errors';

type FormBodyProps<V> = Pick<FormDrawerProps<V>, 'name' | 'initialValues' | 'onClose' | 'onSubmit' | 'children' | 'submitText'>;

interface FormDrawerProps<V> {
  open: boolean;
  title: ReactNode;
  /** Form name: antd derives field ids from it (`person_name`), which browser tests use. */
  name: string;
  initialValues?: Partial<V>;
  onClose: () => void;
  /** Resolve to close the drawer; throw to keep it open with the error shown. */
  onSubmit: (values: V) => Promise<unknown>;
  children: (form: FormInstance<V>) => ReactNode;
  submitText?: ReactNode;
}

export function FormDrawer<V extends object>(props: FormDrawerProps<V>) {
  const screens = Grid.useBreakpoint();
  const opening = useOpeningKey(props.open);
  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      destroyOnHidden
      size={screens.md ? 560 : '100%'}
      mask={{ closable: false }}
    >
      <FormBody key={opening} {...props} />
    </Drawer>
  );
}

/**
 * A new key on every opening: reopening during the closing animation (before destroyOnHidden
 * unmounts the body) must still start from a fresh form, never the last record's values.
 */
export function useOpeningKey(open: boolean): number {
  const [opening, setOpening] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpening(opening + 1);
  }
  return opening;
}

/** The form itself, shared with FormModal. Mounted per opening, so its instance is fresh. */
export function FormBody<V extends object>({ name, initialValues, onClose, onSubmit, children, submitText }: FormBodyProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const { token } = theme.useToken();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const finish = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
      void message.success(t('common.saved'));
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, t, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<V>
      form={form}
      name={name}
      layout="vertical"
      initialValues={initialValues}
      onFinish={finish}
      scrollToFirstError={{ block: 'center' }}
    >
      {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />}
      {children(form)}
      <Flex justify="flex-end" gap={8} style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgElevated }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="form-submit">
          {submitText ?? t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
