// The foot of a list shown as cards on a phone: a simple pager when there is more than one page,
// and the total. Tables have antd's own pager; card lists share this one.
import { Pagination, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface CardListPagerProps {
  /** The list's total, once known. */
  total: number | undefined;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}

export function CardListPager({ total, page, pageSize, onPage }: CardListPagerProps) {
  const { t } = useTranslation();
  if (total === undefined) return null;
  return (
    <>
      {total > pageSize && (
        <Pagination simple align="center" style={{ marginTop: 12 }} current={page} pageSize={pageSize} total={total} onChange={onPage} />
      )}
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 8 }}>
        {t('table.total', { total })}
      </Typography.Paragraph>
    </>
  );
}
