/**
 * Logs `openid` in through the WeChat mock and `POST /api/auth/wechat-login`; returns the access token.
 * `headers` go with both requests (e.g. `x-forwarded-for`, to spread logins over the per-IP rate limit).
 */
export async function wechatLogin({ url, wechatUrl }, openid, headers = {}) {
  const post = async (target, body) => {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`POST ${target} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const { code } = await post(`${wechatUrl}/__mock/wx/login`, { openid });
  const result = await post(`${url}/api/auth/wechat-login`, { code });
  if (result.status !== 'ok') throw new Error(`wechat-login for ${openid}: ${JSON.stringify(result)}`);
  return result.session.tokens.accessToken;
}

/**
 * Logs in load-test person `n` (1-based, `SEED_LOAD_TEST_PEOPLE`: openid `oLoadTest000…000n`) from a client
 * address of their own (`10.x.y.z`), so the per-IP limit on the auth endpoints does not get in the way; the
 * server must run with `TRUST_PROXY=true`. Returns the access token.
 */
export function loadTestLogin(stack, n) {
  const openid = `oLoadTest${String(n).padStart(19, '0')}`;
  const xff = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  return wechatLogin(stack, openid, { 'x-forwarded-for': xff });
}
