export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** As sent, query included; null when the message opens no page. */
  page: string | null;
  /** Keyword values, e.g. `{thing1: '角色调整', time3: '2026年11月21日 15:01'}`. */
  data: Record<string, string>;
  /** The card as the user sees it: the title, then one `key: value` line per keyword. */
  text: string;
  at: string;
  msgid: number;
}

const MAX_MESSAGES = 1000;

/**
 * One-time subscriptions: each accepted prompt grants one send of that template to that user, with no time
 * limit; credits accumulate. Sent messages go to the outbox.
 */
export class SubscribeLedger {
  private credits = new Map<string, number>();
  private messages: SubscribeMessage[] = [];

  grant(openid: string, templateId: string): void {
    this.credits.set(key(openid, templateId), this.count(openid, templateId) + 1);
  }

  count(openid: string, templateId: string): number {
    return this.credits.get(key(openid, templateId)) ?? 0;
  }

  /** Consumes one credit; false when there is none. */
  take(openid: string, templateId: string): boolean {
    const count = this.count(openid, templateId);
    if (count === 0) return false;
    this.credits.set(key(openid, templateId), count - 1);
    return true;
  }

  send(message: SubscribeMessage): void {
    this.messages.push(message);
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
  }

  /** Oldest first, newest last. */
  outbox(openid?: string): SubscribeMessage[] {
    return openid === undefined
      ? [...this.messages]
      : this.messages.filter((message) => message.openid === openid);
  }

  reset(): void {
    this.credits.clear();
    this.messages = [];
  }
}

function key(openid: string, templateId: string): string {
  return `${openid}\n${templateId}`;
}
