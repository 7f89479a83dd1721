const CN_MOBILE = /^1[3-9]\d{9}$/;

/** Normalises a mainland mobile number (`+86 138-0000-0000`, `008613800000000`) to 11 digits, or null. */
export function normalizeCnMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return CN_MOBILE.test(digits) ? digits : null;
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
