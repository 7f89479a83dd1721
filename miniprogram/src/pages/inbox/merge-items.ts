import type { InboxItem } from '@dayuan/shared';

/**
 * The list to show: notifications pushed since the first page was loaded, on top of the loaded pages,
 * each once (a pushed one may also be on a page loaded after it arrived; a page loaded after new arrivals
 * repeats the end of the one before), with the locally updated copies (read here) replacing the others.
 */
export function mergeInbox(
  pushed: readonly InboxItem[],
  loaded: readonly InboxItem[],
  updated: Readonly<Record<string, InboxItem>>,
): InboxItem[] {
  const seen = new Set<string>();
  const merged: InboxItem[] = [];
  for (const item of [...pushed, ...loaded]) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    merged.push(updated[item.id] ?? item);
  }
  return merged;
}
