export interface SmsMessage {
  /** E.164, e.g. `+8613900000001`. */
  phone: string;
  /** Rendered as the phone shows it: `【SignName】` + the template with its parameters. */
  text: string;
  templateId: string;
  params: string[];
  sessionContext: string;
  at: string;
}

const MAX_MESSAGES = 1000;

export class Outbox {
  private messages: SmsMessage[] = [];

  add(message: SmsMessage): void {
    this.messages.push(message);
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
  }

  /** Oldest first, newest last. */
  list(phone?: string): SmsMessage[] {
    return phone === undefined
      ? [...this.messages]
      : this.messages.filter((message) => message.phone === phone);
  }

  clear(): void {
    this.messages = [];
  }
}
