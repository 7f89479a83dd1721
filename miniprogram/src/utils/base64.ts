const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (code units above 0x7f are not encoded correctly). weapp has no `btoa`. */
export function asciiToBase64(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i += 3) {
    const rest = input.length - i;
    const n =
      (input.charCodeAt(i) << 16) |
      (rest > 1 ? input.charCodeAt(i + 1) << 8 : 0) |
      (rest > 2 ? input.charCodeAt(i + 2) : 0);
    out += CHARS[(n >> 18) & 63]! + CHARS[(n >> 12) & 63]!;
    out += rest > 1 ? CHARS[(n >> 6) & 63]! : '=';
    out += rest > 2 ? CHARS[n & 63]! : '=';
  }
  return out;
}
