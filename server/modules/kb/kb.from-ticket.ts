// A draft article from a resolved ticket: its title, the five-part record as Markdown sections,
// a category guessed from the ticket's, and the link back to the ticket.
import type { Kysely } from 'kysely';
import { KB_BODY_MAX, KB_TITLE_MAX, type KbArticle, type KbArticleInput } from '../../../shared/contracts/kb.js';
import { TICKET_CATEGORY_DICTIONARY } from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { createDictionariesService } from '../org/index.js';
import { KbErrors } from './kb.errors.js';
import { activeCategories, type KbService } from './kb.service.js';

/** What the knowledge base reads of a ticket (through the tickets module's index). */
export interface TicketForArticle {
  id: number;
  number: string;
  title: string;
  state: string;
  category: string;
  description: string;
  problem: string;
  cause: string;
  solution: string;
  result: string;
  prevention: string;
}

export const DRAFTABLE_STATES = ['resolved', 'closed'];

/** Ticket category (value or label) → article category, by the words it contains. */
const CATEGORY_GUESSES: [RegExp, string][] = [
  [/网络|上网|无线|wifi|wi-fi|network|internet|vpn/i, 'network'],
  [/打印|复印|扫描|print|copier|scan/i, 'printing'],
  [/账号|帐号|密码|登录|account|password|login/i, 'account'],
  [/软件|系统|邮箱|邮件|software|system|mail|office|app/i, 'software'],
];

/** The ticket's category value with its label ("os 操作系统"), which says more to the guess. */
export async function ticketCategoryText(deps: Pick<ModuleContext, 'db' | 'audit' | 'clock'>, value: string): Promise<string> {
  if (!value) return '';
  const dictionaries = await createDictionariesService(deps).list();
  const item = dictionaries.find((d) => d.code === TICKET_CATEGORY_DICTIONARY)?.items.find((i) => (i.value || i.label) === value);
  return item ? `${value} ${item.label}` : value;
}

/** The guessed category, or '' when the guess is not an active category. */
export function guessCategory(ticketCategory: string, active: ReadonlySet<string>): string {
  const guess = CATEGORY_GUESSES.find(([re]) => re.test(ticketCategory))?.[1] ?? 'troubleshooting';
  return active.has(guess) ? guess : '';
}

const PENDING = '（待补充）';

function section(heading: string, text: string): string {
  const body = text.replace(/\r\n?/g, '\n').trim();
  return `## ${heading}\n\n${body || PENDING}\n`;
}

/** The draft's fields; the category is guessed separately (that needs the dictionaries). */
export function articleFromTicket(t: TicketForArticle): Required<Omit<KbArticleInput, 'tags'>> & { tags: string[] } {
  const body = [
    section('问题描述', t.problem || t.description),
    section('原因分析', t.cause),
    section('处理方案', t.solution),
    section('处理结果', t.result),
    section('预防措施', t.prevention),
  ].join('\n');
  return {
    title: Array.from(t.title).slice(0, KB_TITLE_MAX).join('').trim() || t.number,
    bodyMarkdown: body.length > KB_BODY_MAX ? body.slice(0, KB_BODY_MAX) : body,
    category: '',
    tags: [],
    visibility: 'technicians',
    status: 'draft',
  };
}

/** POST /api/kb/articles/from-ticket/:ticketId: the draft, linked back, for a resolved or closed ticket only. */
export function draftFromTicket(
  deps: Pick<ModuleContext, 'db' | 'audit' | 'clock'>,
  kb: KbService,
  readTicket: (db: Kysely<Database>, id: number) => Promise<TicketForArticle | null>,
) {
  return async (actor: Actor, ticketId: number): Promise<KbArticle> => {
    const ticket = await readTicket(deps.db, ticketId);
    if (!ticket) throw notFound('ticket');
    if (!DRAFTABLE_STATES.includes(ticket.state))
      throw new AppError(KbErrors['kb.ticket_unresolved'], [{ reason: 'ticket_unresolved', params: { state: ticket.state } }]);
    const category = guessCategory(await ticketCategoryText(deps, ticket.category), await activeCategories(deps));
    return kb.create(actor, { ...articleFromTicket(ticket), category }, ticket.id);
  };
}
