// What clicking a notification does: mark it read and go where it points, but only inside the
// app (a link is stored text; anything that is not an app path is never followed).
import { useNavigate } from 'react-router';
import type { Notification } from '@shared/contracts/notify.js';
import { useMarkRead } from '../api';

export function isAppPath(link: string): boolean {
  return /^\/(?![/\\])[^\s\\]*$/.test(link);
}

export function useOpenNotification(onOpened?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (n: Notification) => {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
    onOpened?.();
    if (isAppPath(n.link)) void navigate(n.link);
  };
}
