// The buttons of a ticket, decided by `ticket.can` (the server's word on what this caller may do
// now). Technicians: take it, assign, change state, resolve, edit, repair, escalate, knowledge
// base. Reporters: confirm the solution or reopen with a reason.
import {
  BookOutlined,
  CheckCircleOutlined,
  CheckOutlined,
  DownOutlined,
  EditOutlined,
  PlayCircleOutlined,
  RiseOutlined,
  RollbackOutlined,
  SwapOutlined,
  ToolOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Ticket, TicketState } from '@shared/contracts/tickets.js';
import { errorText } from '../../../../lib/errors';
import { useCan, useMe } from '../../../../lib/session';
import { useAssign, useTransition } from '../../api';
import { EscalateModal } from './EscalationCard';
import { needsRecord, ResolveDrawer } from './ResolveDrawer';
import { dialogTargets, TransitionModal } from './TransitionModal';
import { AssignModal, EditDrawer } from './WorkDialogs';

type Dialog = 'assign' | 'edit' | 'escalate' | 'resolve' | 'closeWithRecord' | null;

/** Where the knowledge-base helper's editor turns a resolved ticket into a draft article. */
export const articleFromTicketPath = (id: number) => `/kb/articles/new?fromTicket=${id}`;

export function ActionBar({ ticket, onRepair }: { ticket: Ticket; onRepair: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const me = useMe().data?.user;
  const transition = useTransition(ticket.id);
  const assign = useAssign(ticket.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [moveTo, setMoveTo] = useState<{ to: TicketState; only?: TicketState[] } | null>(null);
  const { can: may, state } = ticket;
  const open = state !== 'resolved' && state !== 'closed';
  const done = () => setDialog(null);
  const fail = (err: unknown) => void message.error(errorText(t, err));

  const go = (to: TicketState) => {
    // Closing an unresolved urgent/high/important ticket needs the record: the resolve form asks for it.
    if (to === 'closed' && state !== 'resolved' && needsRecord(ticket)) setDialog('closeWithRecord');
    else setMoveTo({ to });
  };

  const buttons = [];
  if (may.work) {
    if (me && ticket.assignee?.id !== me.id && open)
      buttons.push(
        <Button
          key="take"
          icon={<UserAddOutlined />}
          loading={assign.isPending}
          onClick={() => assign.mutate({ assigneeUserId: me.id }, { onError: fail })}
          data-testid="action-take"
        >
          {t('tickets.actions.take')}
        </Button>,
      );
    if (state === 'new' || state === 'assigned' || state === 'waiting')
      buttons.push(
        <Button
          key="start"
          icon={<PlayCircleOutlined />}
          loading={transition.isPending}
          onClick={() => transition.mutate({ to: 'in_progress' }, { onError: fail })}
          data-testid="action-start"
        >
          {state === 'waiting' ? t('tickets.actions.resume') : t('tickets.actions.start')}
        </Button>,
      );
    if (open)
      buttons.push(
        <Button key="resolve" type="primary" icon={<CheckOutlined />} onClick={() => setDialog('resolve')} data-testid="action-resolve">
          {t('tickets.actions.resolve')}
        </Button>,
      );
    const targets = dialogTargets(state);
    if (targets.length)
      buttons.push(
        <Dropdown
          key="state"
          trigger={['click']}
          menu={{
            items: targets.map((s) => ({ key: s, label: t(`tickets.transition.menu.${s}`) })),
            onClick: ({ key }) => go(key as TicketState),
          }}
        >
          <Button icon={<SwapOutlined />} data-testid="action-state">
            {t('tickets.actions.changeState')} <DownOutlined />
          </Button>
        </Dropdown>,
      );
    // The server refuses to assign, edit, send for repair or escalate a closed ticket: reopen it first.
    const closed = state === 'closed';
    const more = [
      ...(closed
        ? []
        : [
            { key: 'edit', icon: <EditOutlined />, label: t('tickets.actions.edit') },
            { key: 'repair', icon: <ToolOutlined />, label: t('tickets.actions.repair') },
            { key: 'escalate', icon: <RiseOutlined />, label: t('tickets.actions.escalate') },
          ]),
      ...((state === 'resolved' || closed) && can('kb:write')
        ? [{ key: 'kb', icon: <BookOutlined />, label: t('tickets.actions.toArticle') }]
        : []),
    ];
    if (!closed)
      buttons.push(
        <Button key="assign" icon={<UserAddOutlined />} onClick={() => setDialog('assign')} data-testid="action-assign">
          {t('tickets.actions.assign')}
        </Button>,
      );
    if (more.length)
      buttons.push(
        <Dropdown
          key="more"
          trigger={['click']}
          menu={{
            items: more,
            onClick: ({ key }) => {
              if (key === 'repair') onRepair();
              else if (key === 'kb') void navigate(articleFromTicketPath(ticket.id));
              else setDialog(key as Dialog);
            },
          }}
        >
          <Button data-testid="action-more">
            {t('tickets.actions.more')} <DownOutlined />
          </Button>
        </Dropdown>,
      );
  }
  if (may.confirm)
    buttons.push(
      <Popconfirm
        key="confirm"
        title={t('tickets.actions.confirmHint')}
        onConfirm={() => transition.mutateAsync({ to: 'closed' }).catch(fail)}
      >
        <Button type="primary" icon={<CheckCircleOutlined />} data-testid="action-confirm">
          {t('tickets.actions.confirm')}
        </Button>
      </Popconfirm>,
    );
  if (may.reopen && !may.work)
    buttons.push(
      <Button
        key="reopen"
        icon={<RollbackOutlined />}
        onClick={() => setMoveTo({ to: 'in_progress', only: ['in_progress'] })}
        data-testid="action-reopen"
      >
        {t('tickets.actions.reopen')}
      </Button>,
    );

  if (buttons.length === 0) return null;
  return (
    <>
      <Flex wrap gap={8} data-testid="action-bar">
        {buttons}
      </Flex>
      {dialog === 'assign' && <AssignModal ticket={ticket} open onClose={done} />}
      <EditDrawer ticket={ticket} open={dialog === 'edit'} onClose={done} />
      <EscalateModal ticket={ticket} open={dialog === 'escalate'} onClose={done} />
      <ResolveDrawer
        ticket={ticket}
        open={dialog === 'resolve' || dialog === 'closeWithRecord'}
        to={dialog === 'closeWithRecord' ? 'closed' : 'resolved'}
        onClose={done}
      />
      {moveTo && <TransitionModal ticket={ticket} initial={moveTo.to} only={moveTo.only} onClose={() => setMoveTo(null)} />}
    </>
  );
}
