import { beforeEach, describe, expect, it } from 'vitest';
import { useInbox } from '@/stores/inbox';
import { inboxItem } from './fixtures';

describe('inbox store', () => {
  beforeEach(() => useInbox.getState().reset());

  it('counts a pushed unread notification once, however often it arrives', () => {
    const inbox = useInbox.getState();
    inbox.setUnread(2);

    expect(inbox.receive(inboxItem(1))).toBe(true);
    expect(inbox.receive(inboxItem(2))).toBe(true);
    expect(inbox.receive(inboxItem(1))).toBe(false);

    expect(useInbox.getState().unread).toBe(4);
    expect(useInbox.getState().latest.map((i) => i.id)).toEqual(['notification-2', 'notification-1']);
  });

  it('does not count a notification that arrives already read', () => {
    useInbox.getState().receive(inboxItem(1, { readAt: '2026-11-21T09:30:00+08:00' }));
    expect(useInbox.getState().unread).toBe(0);
    expect(useInbox.getState().latest).toHaveLength(1);
  });

  it('takes the server count as it comes and never goes below zero', () => {
    const inbox = useInbox.getState();
    inbox.setUnread(1);
    inbox.receive(inboxItem(1));
    inbox.setUnread(1);
    expect(useInbox.getState().unread).toBe(1);

    inbox.markedRead({ ...inboxItem(1), readAt: '2026-11-21T09:30:00+08:00' });
    inbox.markedRead({ ...inboxItem(2), readAt: '2026-11-21T09:30:00+08:00' });
    expect(useInbox.getState().unread).toBe(0);
    expect(useInbox.getState().latest[0]?.readAt).toBe('2026-11-21T09:30:00+08:00');
  });

  it('marks everything read and forgets it all on reset', () => {
    const inbox = useInbox.getState();
    inbox.receive(inboxItem(1));
    inbox.receive(inboxItem(2));
    inbox.markedAllRead('2026-11-21T10:00:00+08:00');
    expect(useInbox.getState().unread).toBe(0);
    expect(useInbox.getState().latest.every((i) => i.readAt === '2026-11-21T10:00:00+08:00')).toBe(true);

    inbox.reset();
    expect(useInbox.getState()).toMatchObject({ unread: 0, latest: [] });
    expect(inbox.receive(inboxItem(1))).toBe(true);
  });
});
