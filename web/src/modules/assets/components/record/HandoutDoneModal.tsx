// After a hand-out: say who has it now and offer the hand-over slip (交接单) to print and sign
// on paper, which many schools still file.
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '@shared/contracts/assets.js';
import { assetUrls } from '../../record-api';
import { assignmentKind } from './AssignmentsTab';

export function HandoutDoneModal({ assignment, onClose }: { assignment: Assignment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const a = assignment;
  return (
    <Modal open={a !== null} onCancel={onClose} footer={null} destroyOnHidden data-testid="handout-done">
      {a && (
        <Result
          status="success"
          title={t(`assets.handout.done.${assignmentKind(a)}`, { name: a.personName ?? a.departmentName ?? '' })}
          subTitle={t('assets.handout.doneHint')}
          extra={[
            <Button
              key="print"
              type="primary"
              icon={<PrinterOutlined />}
              href={assetUrls.slip(a.id)}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="print-slip"
            >
              {t('assets.handout.printSlip')}
            </Button>,
            <Button key="close" onClick={onClose} data-testid="handout-done-close">
              {t('common.close')}
            </Button>,
          ]}
        />
      )}
    </Modal>
  );
}
