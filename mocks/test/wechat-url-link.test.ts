import { describe, expect, it } from 'vitest';
import { createWechatMock } from '../src/wechat/index.js';
import { advanceClock, json, postJson, stableToken, start } from './helpers.js';

const PAGE = 'directory/pages/people/index';

async function setup(base: string) {
  const { access_token: token } = await stableToken(base);
  return (body: object) => json(postJson(`${base}/wxa/generate_urllink?access_token=${token}`, body));
}

describe('generate_urllink', () => {
  it('issues a wxaurl.cn link that the control plane resolves until it expires', async () => {
    const base = await start(createWechatMock());
    const generate = await setup(base);
    const body = await generate({
      path: PAGE,
      query: 't=Xk29qa',
      env_version: 'release',
      expire_type: 1,
      expire_interval: 7,
    });
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      url_link: expect.stringMatching(/^https:\/\/wxaurl\.cn\/[0-9A-Za-z]{10}$/),
    });

    const ticket = body.url_link.split('/').pop();
    const resolved = await fetch(`${base}/__mock/urllink/${ticket}`);
    expect(resolved.status).toBe(200);
    const link = await json(resolved);
    expect(link).toMatchObject({ path: PAGE, query: 't=Xk29qa', envVersion: 'release' });
    const days = (Date.parse(link.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);

    await advanceClock(base, 7 * 86_400);
    expect((await fetch(`${base}/__mock/urllink/${ticket}`)).status).toBe(410);
    expect((await fetch(`${base}/__mock/urllink/unknown123`)).status).toBe(404);
  });

  it('accepts expire_time in seconds within 30 days and answers 85401 otherwise', async () => {
    const base = await start(createWechatMock());
    const generate = await setup(base);
    const now = Math.floor(Date.now() / 1000);
    expect(await generate({ path: PAGE, expire_type: 0, expire_time: now + 3600 })).toMatchObject({
      errcode: 0,
    });
    expect(await generate({ path: PAGE, expire_type: 0, expire_time: now + 31 * 86_400 })).toMatchObject({
      errcode: 85401,
    });
    expect(await generate({ path: PAGE, expire_type: 0, expire_time: (now + 3600) * 1000 })).toMatchObject({
      errcode: 85401,
    });
    expect(await generate({ path: PAGE, expire_type: 1, expire_interval: 31 })).toMatchObject({
      errcode: 85401,
    });
  });

  it('answers 40165 for a page that is not released', async () => {
    const base = await start(createWechatMock());
    const generate = await setup(base);
    expect(await generate({ path: 'pages/unknown/index', expire_type: 1, expire_interval: 1 })).toMatchObject(
      { errcode: 40165 },
    );
    expect(await generate({ path: `${PAGE}?t=1`, expire_type: 1, expire_interval: 1 })).toMatchObject({
      errcode: 40165,
    });
  });
});
