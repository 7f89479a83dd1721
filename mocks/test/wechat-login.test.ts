import { describe, expect, it } from 'vitest';
import { createWechatMock } from '../src/wechat/index.js';
import { advanceClock, code2SessionUrl, json, postJson, start, wxLogin } from './helpers.js';

describe('code2Session', () => {
  it('exchanges a login code for openid and a 16-byte session_key, with the real JSON content type', async () => {
    const base = await start(createWechatMock());
    const { code, openid } = await wxLogin(base);
    expect(openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(code).toHaveLength(32);

    const response = await fetch(code2SessionUrl(base, code));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; encoding=utf-8');
    const body = await json(response);
    expect(body).toEqual({ openid, session_key: expect.any(String) });
    expect(Buffer.from(body.session_key, 'base64')).toHaveLength(16);
    expect(body.session_key).toHaveLength(24);
  });

  it('keeps a chosen openid and passes a unionid through', async () => {
    const base = await start(createWechatMock());
    const { code } = await json(postJson(`${base}/__mock/wx/login`, { openid: 'oDemo', unionid: 'uDemo' }));
    expect(await json(fetch(code2SessionUrl(base, code)))).toMatchObject({
      openid: 'oDemo',
      unionid: 'uDemo',
    });
  });

  it('answers 40029 for an unknown code, with HTTP 200 and a rid in errmsg', async () => {
    const base = await start(createWechatMock());
    const response = await fetch(code2SessionUrl(base, 'nope'));
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.errcode).toBe(40029);
    expect(body.errmsg).toMatch(/^invalid code, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  it('answers 40163 when a code is used twice', async () => {
    const base = await start(createWechatMock());
    const { code } = await wxLogin(base);
    expect(await json(fetch(code2SessionUrl(base, code)))).toHaveProperty('openid');
    expect(await json(fetch(code2SessionUrl(base, code)))).toMatchObject({ errcode: 40163 });
  });

  it('expires codes after codeTtlSeconds on the mock clock', async () => {
    const base = await start(createWechatMock());
    const fresh = await wxLogin(base);
    const stale = await wxLogin(base);
    await advanceClock(base, 290);
    expect(await json(fetch(code2SessionUrl(base, fresh.code)))).toHaveProperty('openid', fresh.openid);
    await advanceClock(base, 11);
    expect(await json(fetch(code2SessionUrl(base, stale.code)))).toMatchObject({ errcode: 40029 });
  });

  it('checks appid, secret and grant_type', async () => {
    const base = await start(createWechatMock());
    const { code } = await wxLogin(base);
    const url = new URL(code2SessionUrl(base, code));
    const withParam = (name: string, value: string) => {
      const copy = new URL(url);
      copy.searchParams.set(name, value);
      return copy;
    };
    expect(await json(fetch(withParam('appid', 'wx-other')))).toMatchObject({ errcode: 40013 });
    expect(await json(fetch(withParam('secret', 'wrong')))).toMatchObject({ errcode: 40125 });
    expect(await json(fetch(withParam('grant_type', 'client_credential')))).toMatchObject({ errcode: 40002 });
    expect(await json(fetch(url))).toHaveProperty('openid');
  });

  it('answers 45011 beyond the per-user minute quota, and recovers the next minute', async () => {
    const base = await start(createWechatMock({ code2SessionPerMinute: 3 }));
    const openid = 'oBusyUser';
    await advanceClock(base, 60 - ((Date.now() / 1000) % 60) + 1);
    for (let i = 0; i < 3; i++) {
      expect(await json(fetch(code2SessionUrl(base, (await wxLogin(base, openid)).code)))).toHaveProperty(
        'openid',
      );
    }
    const { code } = await wxLogin(base, openid);
    expect(await json(fetch(code2SessionUrl(base, code)))).toMatchObject({ errcode: 45011 });
    expect(await json(fetch(code2SessionUrl(base, (await wxLogin(base)).code)))).toHaveProperty('openid');
    await advanceClock(base, 60);
    expect(await json(fetch(code2SessionUrl(base, code)))).toHaveProperty('openid', openid);
  });

  it('answers 40226 for blocked openids', async () => {
    const base = await start(createWechatMock({ blockedOpenids: ['oRisky'] }));
    const { code } = await wxLogin(base, 'oRisky');
    expect(await json(fetch(code2SessionUrl(base, code)))).toMatchObject({ errcode: 40226 });
  });

  it('in lenient mode accepts an unseen 32-char code with a derived openid, still once', async () => {
    const base = await start(createWechatMock({ lenient: true }));
    const code = 'a'.repeat(32);
    const first = await json(fetch(code2SessionUrl(base, code)));
    expect(first.openid).toMatch(/^o.{27}$/);
    expect(await json(fetch(code2SessionUrl(base, code)))).toMatchObject({ errcode: 40163 });
    expect(await json(fetch(code2SessionUrl(base, 'short')))).toMatchObject({ errcode: 40029 });
  });

  it('lists the demo WeChat accounts for the H5 login page', async () => {
    const base = await start(createWechatMock());
    const accounts = await json(fetch(`${base}/__mock/wx/accounts`));
    expect(accounts[0]).toEqual({
      openid: expect.stringMatching(/^o.{27}$/),
      name: '王建国',
      employeeNo: 'E0001',
      department: '行政处',
      roleLabels: ['管理员', '工作人员'],
    });
  });
});
