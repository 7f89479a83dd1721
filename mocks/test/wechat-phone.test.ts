import { describe, expect, it } from 'vitest';
import { wechatFixtures } from '../src/config.js';
import { createWechatMock } from '../src/wechat/index.js';
import { advanceClock, json, postJson, stableToken, start } from './helpers.js';

async function setup(base: string) {
  const { access_token: token } = await stableToken(base);
  const getPhone = (body: object) =>
    json(postJson(`${base}/wxa/business/getuserphonenumber?access_token=${token}`, body));
  const phoneCode = async (body: object): Promise<string> =>
    (await json(postJson(`${base}/__mock/wx/phone-code`, body))).code;
  return { getPhone, phoneCode };
}

describe('getuserphonenumber', () => {
  it('resolves a phone code once, like WeChat for a mainland number', async () => {
    const base = await start(createWechatMock());
    const { getPhone, phoneCode } = await setup(base);
    const code = await phoneCode({ phoneNumber: '+8613900000001' });

    const body = await getPhone({ code });
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13900000001',
        purePhoneNumber: '13900000001',
        countryCode: '86',
        watermark: { timestamp: expect.any(Number), appid: wechatFixtures.appid },
      },
    });
    expect(await getPhone({ code })).toMatchObject({ errcode: 40029 });
  });

  it('keeps the country code in phoneNumber for foreign numbers', async () => {
    const base = await start(createWechatMock());
    const { getPhone, phoneCode } = await setup(base);
    const code = await phoneCode({ phoneNumber: '4155550100', countryCode: '1' });
    expect((await getPhone({ code })).phone_info).toMatchObject({
      phoneNumber: '+14155550100',
      purePhoneNumber: '4155550100',
      countryCode: '1',
    });
  });

  it('expires phone codes after 5 minutes and checks the openid they were issued for', async () => {
    const base = await start(createWechatMock());
    const { getPhone, phoneCode } = await setup(base);
    const bound = await phoneCode({ phoneNumber: '13900000002', openid: 'oOwner' });
    expect(await getPhone({ code: bound, openid: 'oSomeoneElse' })).toMatchObject({ errcode: 40029 });
    expect(await getPhone({ code: bound, openid: 'oOwner' })).toMatchObject({ errcode: 0 });

    const stale = await phoneCode({ phoneNumber: '13900000003' });
    await advanceClock(base, 301);
    expect(await getPhone({ code: stale })).toMatchObject({ errcode: 40029 });
  });

  it('rejects an invalid phone number on the control plane', async () => {
    const base = await start(createWechatMock());
    expect((await postJson(`${base}/__mock/wx/phone-code`, { phoneNumber: '123' })).status).toBe(400);
  });
});
