/** WeChat subscribe-message keyword types: the key's prefix before its digits (`thing2` → `thing`). */
export const subscribeKeywordTypes = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type SubscribeKeywordType = (typeof subscribeKeywordTypes)[number];

export function keywordType(key: string): SubscribeKeywordType | null {
  const prefix = key.replace(/\d+$/, '');
  return (subscribeKeywordTypes as readonly string[]).includes(prefix)
    ? (prefix as SubscribeKeywordType)
    : null;
}

const chars = (s: string) => Array.from(s);
const truncate = (s: string, max: number) =>
  chars(s).length <= max
    ? s
    : `${chars(s)
        .slice(0, max - 1)
        .join('')}…`;
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026年11月21日 15:01` in China Standard Time, the form WeChat's `time` keywords take. */
export function subscribeTime(at: Date): string {
  const cst = new Date(at.getTime() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日 ${pad(cst.getUTCHours())}:${pad(cst.getUTCMinutes())}`;
}

/**
 * A value made to fit its keyword type's rule, or null when it cannot fit (then the template is wrong,
 * and sending would answer 47003). Free text is truncated with an ellipsis; control characters removed.
 */
export function fitKeyword(type: SubscribeKeywordType, raw: string): string | null {
  const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
  const value = Array.from(raw, (c) => (isControl(c) ? ' ' : c))
    .join('')
    .trim();
  if (value === '') return null;
  switch (type) {
    case 'thing':
      return truncate(value, 20);
    case 'name':
      return chars(value).some((c) => c.charCodeAt(0) > 0x7f) ? truncate(value, 10) : truncate(value, 20);
    case 'phrase':
      return /^[\u4e00-\u9fa5]{1,5}$/.test(value) ? value : null;
    case 'number':
      return /^\d{1,32}(\.\d+)?$/.test(value) ? value : null;
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? value : null;
    case 'symbol':
      return /^[^\p{L}\p{N}\s]{1,5}$/u.test(value) ? value : null;
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value) ? value : null;
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(value) ? value : null;
    case 'car_number':
      return chars(value).length <= 8 ? value : null;
    case 'amount':
      return /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? value : null;
    case 'time':
    case 'date':
      return /^[\d年月日:\-/ ~]{1,40}$/.test(value) ? value : null;
  }
}
