// A short create/edit form in a dialog: FormDrawer's behaviour (fresh form per opening, server
// field errors on their fields) for forms of two or three fields.
import { Grid, Modal } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { FormBody, useOpeningKey } from './FormDrawer';

interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  name: string;
  initialValues?: Partial<V>;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  children: (form: FormInstance<V>) => ReactNode;
}

export function FormModal<V extends object>(props: FormModalProps<V>) {
  const screens = Grid.useBreakpoint();
  const opening = useOpeningKey(props.open);
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
      width={screens.sm === false ? '100%' : 520}
    >
      <FormBody key={opening} {...props} />
    </Modal>
  );
}
