// "可能对您有帮助": FAQ articles (and, for technicians, similar past tickets) for what the reporter
// is typing. Asked for only once typing pauses, so a sentence is one request, not one per key.
import { BulbOutlined, FileTextOutlined, ProfileOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSuggestions } from '../../api';
import { StateTag } from '../TicketTags';

const DEBOUNCE_MS = 600;
/** The server reads at most 2000 characters; more would only be refused. */
const MAX_TEXT = 2000;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function Suggestions({ text, excludeId, title }: { text: string; excludeId?: number; title?: string }) {
  const { t } = useTranslation();
  const settled = useDebounced(text.trim().slice(0, MAX_TEXT), DEBOUNCE_MS);
  const found = useSuggestions(settled);
  const articles = found.data?.articles ?? [];
  const tickets = (found.data?.tickets ?? []).filter((x) => x.id !== excludeId);
  if (settled.length < 2 || (articles.length === 0 && tickets.length === 0)) return null;

  return (
    <Card
      size="small"
      title={
        <span>
          <BulbOutlined style={{ color: '#faad14' }} /> {title ?? t('tickets.suggest.title')}
        </span>
      }
      style={{ background: '#fffbe6', borderColor: '#ffe58f' }}
      data-testid="suggestions"
    >
      <Flex vertical gap={6}>
        {articles.map((a) => (
          // Articles open in a new tab: the half-written report stays as it is.
          <Link key={`a${a.id}`} to={`/kb/articles/${a.id}`} target="_blank" data-testid="suggestion-article">
            <FileTextOutlined /> {a.title}
          </Link>
        ))}
        {tickets.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: articles.length ? 6 : 0 }}>
            {t('tickets.suggest.similarTickets')}
          </Typography.Text>
        )}
        {tickets.map((x) => (
          <Flex key={`t${x.id}`} gap={6} align="center" wrap>
            <Link to={`/tickets/${x.id}`} target="_blank" data-testid="suggestion-ticket">
              <ProfileOutlined /> {x.number} {x.title}
            </Link>
            <StateTag state={x.state} />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
