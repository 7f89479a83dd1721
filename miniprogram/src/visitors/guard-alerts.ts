import type { InboxItem } from '@dayuan/shared';

/** What a pushed `visitors` notification means on a guard's screens. */
export type VisitorAlert =
  | { kind: 'blocked'; id: string; title: string; body: string }
  | { kind: 'decided'; id: string; title: string; visitId: string | null; approved: boolean | null }
  | { kind: 'other'; id: string; title: string; visitId: string | null };

/** The `id` query parameter of a notification link such as `/visitors/pages/visit/index?id=…`. */
export function visitIdOfLink(link: string): string | null {
  const match = /[?&]id=([^&#]+)/.exec(link);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * Reads a pushed notification: a blocked visitor turned up at a gate (`visitors.blocked_at_gate`), a host
 * decided a visit (`visitors.visit_decided`, title `张三的来访已通过` / `…未通过`), or anything else about
 * visitors. Null for other categories.
 */
export function visitorAlert(
  item: Pick<InboxItem, 'id' | 'template' | 'category' | 'title' | 'body' | 'link'>,
): VisitorAlert | null {
  if (item.category !== 'visitors') return null;
  const visitId = visitIdOfLink(item.link);
  switch (item.template) {
    case 'visitors.blocked_at_gate':
      return { kind: 'blocked', id: item.id, title: item.title, body: item.body };
    case 'visitors.visit_decided': {
      const approved = item.title.endsWith('已通过') ? true : item.title.endsWith('未通过') ? false : null;
      return { kind: 'decided', id: item.id, title: item.title, visitId, approved };
    }
    default:
      return { kind: 'other', id: item.id, title: item.title, visitId };
  }
}
