// The "start a stocktake" form: a name, the scope (a location subtree, a category, or all) and the
// year whose purchases the report counts as bought this year. Opens the new stocktake on success.
import { Alert, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrgTimeZone } from '../../../lib/session';
import { FormDrawer } from '../../../ui/FormDrawer';
import { LocationPicker } from '../../org';
import { useStartStocktake } from '../api';
import { CategoryPicker } from './CategoryPicker';

interface StartValues {
  name: string;
  locationId: number | null;
  categoryId: number | null;
  year: number;
}

/** The current year in the organisation's time zone (1 January in Beijing is still 31 December in UTC). */
export function yearIn(timeZone: string, now = Date.now()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(now));
}

export function StartStocktakeDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartStocktake();
  const year = yearIn(useOrgTimeZone());

  const submit = async (values: StartValues) => {
    const created = await start.mutateAsync({
      name: values.name,
      locationId: values.locationId ?? null,
      categoryId: values.categoryId ?? null,
      year: values.year,
    });
    void navigate(`/assets/stocktakes/${created.id}`);
  };

  return (
    <FormDrawer<StartValues>
      open={open}
      name="stocktake"
      title={t('stocktake.start.title')}
      initialValues={{ name: t('stocktake.start.defaultName', { year }), locationId: null, categoryId: null, year }}
      onClose={onClose}
      onSubmit={submit}
      submitText={t('stocktake.start.submit')}
    >
      {() => (
        <>
          <Alert type="info" showIcon title={t('stocktake.start.snapshotNote')} style={{ marginBottom: 16 }} />
          <Form.Item name="name" label={t('stocktake.start.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="locationId" label={t('stocktake.start.location')} extra={t('stocktake.start.locationHelp')}>
            <LocationPicker placeholder={t('stocktake.start.locationPlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('stocktake.start.category')} extra={t('stocktake.start.categoryHelp')}>
            <CategoryPicker />
          </Form.Item>
          <Form.Item name="year" label={t('stocktake.start.year')} extra={t('stocktake.start.yearHelp')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
