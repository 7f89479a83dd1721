import { describe, expect, it } from 'vitest';
import { wechatFixtures } from '../src/config.js';
import { createWechatMock } from '../src/wechat/index.js';
import { advanceClock, json, postJson, stableToken, start } from './helpers.js';

const { appid, secret } = wechatFixtures;

async function classicToken(base: string) {
  return json(fetch(`${base}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`));
}

/** Any access_token API will do; an empty phone code is rejected after the token check. */
async function tokenCheck(base: string, token?: string): Promise<number> {
  const query = token === undefined ? '' : `?access_token=${token}`;
  const body = await json(postJson(`${base}/wxa/business/getuserphonenumber${query}`, { code: 'x' }));
  return body.errcode;
}

describe('cgi-bin/token', () => {
  it('mints a new token per call; the previous one works for 5 more minutes, then answers 40001', async () => {
    const base = await start(createWechatMock());
    const first = await classicToken(base);
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect(first).not.toHaveProperty('errcode');
    const second = await classicToken(base);
    expect(second.access_token).not.toBe(first.access_token);

    expect(await tokenCheck(base, first.access_token)).toBe(40029);
    await advanceClock(base, 301);
    expect(await tokenCheck(base, first.access_token)).toBe(40001);
    expect(await tokenCheck(base, second.access_token)).toBe(40029);
  });

  it('expires tokens after tokenTtlSeconds (42001) and rejects missing (41001) and unknown (40001) ones', async () => {
    const base = await start(createWechatMock({ tokenTtlSeconds: 60 }));
    const { access_token: token, expires_in: expiresIn } = await classicToken(base);
    expect(expiresIn).toBe(60);
    expect(await tokenCheck(base)).toBe(41001);
    expect(await tokenCheck(base, 'not-a-token')).toBe(40001);
    await advanceClock(base, 61);
    expect(await tokenCheck(base, token)).toBe(42001);
  });

  it('answers 45009 beyond the daily quota', async () => {
    const base = await start(createWechatMock({ tokenDailyLimit: 2 }));
    await classicToken(base);
    await classicToken(base);
    expect(await classicToken(base)).toMatchObject({ errcode: 45009 });
    await advanceClock(base, 86_400);
    expect(await classicToken(base)).toHaveProperty('access_token');
  });

  it('checks grant_type and credentials', async () => {
    const base = await start(createWechatMock());
    const url = (query: string) => json(fetch(`${base}/cgi-bin/token?${query}`));
    expect(await url(`grant_type=nope&appid=${appid}&secret=${secret}`)).toMatchObject({ errcode: 40002 });
    expect(await url(`grant_type=client_credential&appid=wxother&secret=${secret}`)).toMatchObject({
      errcode: 40013,
    });
    expect(await url(`grant_type=client_credential&appid=${appid}&secret=bad`)).toMatchObject({
      errcode: 40125,
    });
  });
});

describe('cgi-bin/stable_token', () => {
  it('returns the same token while more than 5 minutes are left, then rotates keeping the old one valid', async () => {
    const base = await start(createWechatMock());
    const first = await stableToken(base);
    expect(first.expires_in).toBe(7200);
    await advanceClock(base, 1000);
    const same = await stableToken(base);
    expect(same.access_token).toBe(first.access_token);
    // Real time passes too, so the remaining lifetime may already be a second shorter.
    expect(same.expires_in).toBeGreaterThanOrEqual(6199);
    expect(same.expires_in).toBeLessThanOrEqual(6200);

    await advanceClock(base, 6000);
    const rotated = await stableToken(base);
    expect(rotated.access_token).not.toBe(first.access_token);
    expect(rotated.expires_in).toBe(7200);
    expect(await tokenCheck(base, first.access_token)).toBe(40029);
    await advanceClock(base, 200);
    expect(await tokenCheck(base, first.access_token)).toBe(42001);
    expect(await tokenCheck(base, rotated.access_token)).toBe(40029);
  });

  it('is isolated from cgi-bin/token', async () => {
    const base = await start(createWechatMock());
    const stable = await stableToken(base);
    await classicToken(base);
    await classicToken(base);
    await advanceClock(base, 400);
    expect((await stableToken(base)).access_token).toBe(stable.access_token);
    expect(await tokenCheck(base, stable.access_token)).toBe(40029);
  });

  it('force_refresh revokes the previous token, at most once per 30 s', async () => {
    const base = await start(createWechatMock());
    const first = await stableToken(base);
    const forced = await stableToken(base, true);
    expect(forced.access_token).not.toBe(first.access_token);
    expect(await tokenCheck(base, first.access_token)).toBe(40001);
    expect((await stableToken(base, true)).access_token).toBe(forced.access_token);
    await advanceClock(base, 30);
    expect((await stableToken(base, true)).access_token).not.toBe(forced.access_token);
  });

  it('allows 20 forced refreshes a day, then answers 45009', async () => {
    const base = await start(createWechatMock());
    for (let i = 0; i < 20; i++) {
      expect(await stableToken(base, true)).toHaveProperty('access_token');
      await advanceClock(base, 30);
    }
    expect(await stableToken(base, true)).toMatchObject({ errcode: 45009 });
    expect(await stableToken(base)).toHaveProperty('access_token');
  });

  it('answers 47001 for a body that is not JSON and 43002 for GET', async () => {
    const base = await start(createWechatMock());
    const form = await fetch(`${base}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credential&appid=${appid}&secret=${secret}`,
    });
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({ errcode: 47001 });
    expect(await json(fetch(`${base}/cgi-bin/stable_token`))).toMatchObject({ errcode: 43002 });
  });
});
