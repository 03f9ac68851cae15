// "这篇文章有帮助吗?": one answer per person; afterwards the counts and a thank-you. A "no"
// points to reporting a fault, which is what that reader needs next.
import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbArticle } from '@shared/contracts/kb.js';
import { errorText } from '../../../lib/errors';
import { useFeedback } from '../api';

export function FeedbackBox({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useFeedback();
  const answered = feedback.data?.myFeedback ?? article.myFeedback;
  const yes = feedback.data?.helpfulYes ?? article.helpfulYes;
  const no = feedback.data?.helpfulNo ?? article.helpfulNo;

  const answer = (helpful: boolean) =>
    feedback.mutate({ id: article.id, helpful }, { onError: (err) => void message.error(errorText(t, err)) });

  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="kb-feedback">
      {answered === null ? (
        <Flex wrap align="center" gap={12}>
          <Typography.Text strong>{t('kb.feedback.question')}</Typography.Text>
          <Button icon={<LikeOutlined />} loading={feedback.isPending} onClick={() => answer(true)} data-testid="kb-helpful-yes">
            {t('kb.feedback.yes')}
          </Button>
          <Button icon={<DislikeOutlined />} loading={feedback.isPending} onClick={() => answer(false)} data-testid="kb-helpful-no">
            {t('kb.feedback.no')}
          </Button>
        </Flex>
      ) : (
        <Flex vertical gap={4}>
          <Typography.Text>{answered ? t('kb.feedback.thanksYes') : t('kb.feedback.thanksNo')}</Typography.Text>
          {!answered && <Link to="/tickets/report">{t('kb.feedback.report')}</Link>}
          <Typography.Text type="secondary">{t('kb.feedback.counts', { yes, no })}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
