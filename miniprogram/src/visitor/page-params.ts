/**
 * A page parameter, also when WeChat opened the page from a mini-program code: `getwxacodeunlimit`
 * codes carry no query, only `scene` (URL-encoded, e.g. `c%3DAB12CD34`), which holds `key=value` pairs.
 */
export function pageParam(params: Partial<Record<string, string>>, key: string): string {
  const direct = params[key];
  if (direct) return direct;
  const scene = params.scene ? safeDecode(params.scene) : '';
  for (const pair of scene.split('&')) {
    const [name, value = ''] = pair.split('=');
    if (name === key) return value;
  }
  return '';
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
