import { fitKeyword, keywordType } from '@dayuan/shared';

export class SubscribeDataError extends Error {}

/**
 * The template's data fitted to the configured keywords: every keyword present, every value within its
 * type's rule (free text truncated). Throws when the template and the configuration disagree.
 */
export function fitSubscribeData(
  data: Record<string, string>,
  keywords: readonly string[],
): Record<string, string> {
  const given = Object.keys(data).sort().join(',');
  if (given !== [...keywords].sort().join(',')) {
    throw new SubscribeDataError(`keywords ${given} do not match the configured ${keywords.join(',')}`);
  }
  return Object.fromEntries(
    keywords.map((key) => {
      const fitted = fitKeyword(keywordType(key)!, data[key]!);
      if (fitted === null) {
        throw new SubscribeDataError(`"${data[key]}" cannot be a ${keywordType(key)} (${key})`);
      }
      return [key, fitted];
    }),
  );
}
