/**
 * Value rules of subscribe-message keywords, written from WeChat's documentation table (contracts §4.3) and
 * kept apart from the server's formatter on purpose: the mock must catch what the formatter gets wrong.
 */

/** Control characters: C0 (newline, tab…), DEL and C1. */
const CONTROL = /\p{Cc}/u;
const HAN = /\p{Script=Han}/u;
/** `15:01` or `15:01:30`, 24 h. */
const CLOCK = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`;
const MONTH = '(0?[1-9]|1[0-2])';
const DAY_OF_MONTH = String.raw`(0?[1-9]|[12]\d|3[01])`;
/** `2019年10月1日`, `2019-10-01`, `2019/10/1` or `2019.10.01`. */
const DAY = String.raw`\d{4}(年${MONTH}月${DAY_OF_MONTH}日|(?<sep>[-/.])${MONTH}\k<sep>${DAY_OF_MONTH})`;
const TIME_POINT = new RegExp(`^(${DAY}\\s*)?${CLOCK}$`);
const DATE_POINT = new RegExp(`^${DAY}(\\s*${CLOCK})?$`);

const RULES: Record<string, (value: string) => boolean> = {
  thing: (value) => length(value) <= 20,
  number: (value) => length(value) <= 32 && /^\d+(\.\d+)?$/.test(value),
  letter: (value) => /^[A-Za-z]{1,32}$/.test(value),
  symbol: (value) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(value),
  character_string: (value) => /^[\x21-\x7e]{1,32}$/.test(value),
  time: (value) => pointOrRange(value, TIME_POINT),
  date: (value) => pointOrRange(value, DATE_POINT),
  amount: (value) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value),
  phone_number: (value) => /^[\d\p{P}\p{S}]{1,17}$/u.test(value),
  car_number: carNumber,
  name: (value) =>
    HAN.test(value)
      ? length(value) <= 10 && /^[\p{Script=Han}A-Za-z\p{P}\p{S} ]+$/u.test(value)
      : /^[A-Za-z\p{P}\p{S} ]{1,20}$/u.test(value),
  phrase: (value) => /^\p{Script=Han}{1,5}$/u.test(value),
};

/** Whether WeChat accepts `value` for keyword `key` (`thing2` follows the `thing` rule). */
export function isValidKeywordValue(key: string, value: unknown): value is string {
  const rule = RULES[key.replace(/\d+$/, '')];
  return (
    typeof value === 'string' && value.length > 0 && !CONTROL.test(value) && rule !== undefined && rule(value)
  );
}

function length(value: string): number {
  return [...value].length;
}

function pointOrRange(value: string, point: RegExp): boolean {
  const parts = value.split('~').map((part) => part.trim());
  return parts.length <= 2 && parts.every((part) => point.test(part));
}

/** ≤ 8 chars; the first (province) and last (e.g. 学, 警) may be Chinese, the rest letters or digits. */
function carNumber(value: string): boolean {
  const chars = [...value];
  const edge = /^[\p{Script=Han}A-Za-z0-9]$/u;
  return (
    chars.length <= 8 &&
    chars.every((char, index) =>
      index === 0 || index === chars.length - 1 ? edge.test(char) : /^[A-Za-z0-9]$/.test(char),
    )
  );
}
