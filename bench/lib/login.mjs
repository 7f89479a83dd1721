/** Logs `openid` in through the WeChat mock and `POST /api/auth/wechat-login`; returns the access token. */
export async function wechatLogin({ url, wechatUrl }, openid) {
  const post = async (target, body) => {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
