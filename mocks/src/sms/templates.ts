const PLACEHOLDER = /\{(\d+)\}/g;

export function templateParamCount(text: string): number {
  return new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1])).size;
}

export function renderTemplate(text: string, params: readonly string[]): string {
  return text.replace(PLACEHOLDER, (_placeholder, index: string) => params[Number(index) - 1] ?? '');
}

/** A long message is billed per 67-character part. */
export function smsFee(text: string): number {
  const length = [...text].length;
  return length <= 70 ? 1 : Math.ceil(length / 67);
}
