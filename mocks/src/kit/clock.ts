/** Real time plus an offset that tests move forward with `POST /__mock/clock`. */
export class MockClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** Daily quotas of WeChat and Tencent Cloud reset at midnight China Standard Time. */
export function beijingDay(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
