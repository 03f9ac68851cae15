// Article Markdown, rendered safely (see markdown-options.ts: no raw HTML, only safe addresses).
import Markdown from 'react-markdown';
import { MARKDOWN_OPTIONS } from '../markdown-options';
import './kb.css';

export function MarkdownView({ source, testId = 'kb-markdown' }: { source: string; testId?: string }) {
  return (
    <div className="kb-markdown" data-testid={testId}>
      <Markdown {...MARKDOWN_OPTIONS}>{source}</Markdown>
    </div>
  );
}
