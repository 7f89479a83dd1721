import { beijingDay } from '../kit/clock.js';

const THIRTY_SECONDS = 30_000;
const HOUR = 3_600_000;
const KEPT_FOR = 25 * HOUR;

/** Tencent Cloud's default frequency policy per number: same content 1 per 30 s, then hourly and daily caps. */
export class SendHistory {
  private sends = new Map<string, { at: number; text: string }[]>();

  constructor(
    private readonly hourlyLimit: number,
    private readonly dailyLimit: number,
  ) {}

  /** The `LimitExceeded.*` code this send would hit, or null. */
  limitFor(phone: string, text: string, now: number): string | null {
    const sends = this.sends.get(phone) ?? [];
    if (sends.some((send) => send.text === text && now - send.at < THIRTY_SECONDS)) {
      return 'LimitExceeded.PhoneNumberThirtySecondLimit';
    }
    const today = beijingDay(now);
    if (sends.filter((send) => beijingDay(send.at) === today).length >= this.dailyLimit) {
      return 'LimitExceeded.PhoneNumberDailyLimit';
    }
    if (sends.filter((send) => now - send.at < HOUR).length >= this.hourlyLimit) {
      return 'LimitExceeded.PhoneNumberOneHourLimit';
    }
    return null;
  }

  record(phone: string, text: string, now: number): void {
    const kept = (this.sends.get(phone) ?? []).filter((send) => now - send.at < KEPT_FOR);
    kept.push({ at: now, text });
    this.sends.set(phone, kept);
  }

  clear(): void {
    this.sends.clear();
  }
}
