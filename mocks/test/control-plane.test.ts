import { describe, expect, it } from 'vitest';
import { createWechatMock } from '../src/wechat/index.js';
import { code2SessionUrl, json, postJson, start, wxLogin } from './helpers.js';

describe('control plane', () => {
  it('fails the next N calls of a path with an injected errcode, then recovers', async () => {
    const base = await start(createWechatMock());
    const fault = await postJson(`${base}/__mock/faults`, {
      path: '/sns/jscode2session',
      errcode: -1,
      times: 2,
    });
    expect(fault.status).toBe(200);
    const { code } = await wxLogin(base);
    const first = await fetch(code2SessionUrl(base, code));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      errcode: -1,
      errmsg: expect.stringMatching(/^system error, rid: /),
    });
    expect(await json(fetch(code2SessionUrl(base, code)))).toMatchObject({ errcode: -1 });
    expect(await json(fetch(code2SessionUrl(base, code)))).toHaveProperty('openid');
  });

  it('injects HTTP failures and rejects malformed fault requests', async () => {
    const base = await start(createWechatMock());
    await postJson(`${base}/__mock/faults`, { path: '/cgi-bin/token', httpStatus: 502 });
    expect((await fetch(`${base}/cgi-bin/token`)).status).toBe(502);
    expect((await fetch(`${base}/cgi-bin/token`)).status).toBe(200);
    expect(
      (await postJson(`${base}/__mock/faults`, { path: '/x', errcode: 1, httpStatus: 500 })).status,
    ).toBe(400);
    expect((await postJson(`${base}/__mock/faults`, { path: '/x', smsCode: 'InternalError' })).status).toBe(
      400,
    );
    expect((await postJson(`${base}/__mock/faults`, { errcode: 1 })).status).toBe(400);
    expect((await postJson(`${base}/__mock/faults`, { path: '/x', delayMs: 0 })).status).toBe(400);
    expect((await postJson(`${base}/__mock/faults`, { path: '/x', delayMs: 1, errcode: -1 })).status).toBe(
      400,
    );
  });

  it('records calls, filters them by path, and forgets everything on reset', async () => {
    const base = await start(createWechatMock());
    const { code } = await wxLogin(base);
    await fetch(code2SessionUrl(base, code));
    await postJson(`${base}/cgi-bin/stable_token`, { grant_type: 'client_credential' });

    const calls = await json(fetch(`${base}/__mock/calls?path=/sns/jscode2session`));
    expect(calls).toEqual([
      {
        method: 'GET',
        path: '/sns/jscode2session',
        query: expect.objectContaining({ js_code: code }),
        body: null,
        headers: expect.objectContaining({ host: expect.any(String) }),
        at: expect.any(String),
      },
    ]);
    const all = await json(fetch(`${base}/__mock/calls`));
    expect(all.map((call: { path: string }) => call.path)).toEqual([
      '/sns/jscode2session',
      '/cgi-bin/stable_token',
    ]);
    expect(all[1].body).toEqual({ grant_type: 'client_credential' });

    await postJson(`${base}/__mock/faults`, { path: '/sns/jscode2session', errcode: -1 });
    expect((await fetch(`${base}/__mock/reset`, { method: 'POST' })).status).toBe(204);
    expect(await json(fetch(`${base}/__mock/calls`))).toEqual([]);
    expect(await json(fetch(code2SessionUrl(base, code)))).toMatchObject({ errcode: 40029 });
  });

  it("moves the mock clock, and back to undo a test's advance", async () => {
    const base = await start(createWechatMock());
    const body = await json(postJson(`${base}/__mock/clock`, { advanceSeconds: 3600 }));
    expect(body.offsetSeconds).toBe(3600);
    expect(Date.parse(body.now) - Date.now()).toBeGreaterThan(3590_000);
    expect(await json(postJson(`${base}/__mock/clock`, { advanceSeconds: -3600 }))).toMatchObject({
      offsetSeconds: 0,
    });
    expect((await postJson(`${base}/__mock/clock`, { advanceSeconds: 'soon' })).status).toBe(400);
  });

  it('allows browsers on /__mock/* only', async () => {
    const base = await start(createWechatMock());
    const preflight = await fetch(`${base}/__mock/wx/login`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:10086',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    expect((await postJson(`${base}/__mock/wx/login`, {})).headers.get('access-control-allow-origin')).toBe(
      '*',
    );
    expect((await fetch(`${base}/cgi-bin/token`)).headers.get('access-control-allow-origin')).toBeNull();
  });
});
