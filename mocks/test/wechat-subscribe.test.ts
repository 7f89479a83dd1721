import { describe, expect, it } from 'vitest';
import { createWechatMock, type WechatMockOptions } from '../src/wechat/index.js';
import { code2SessionUrl, json, postJson, stableToken, start, wxLogin, type Json } from './helpers.js';

const ACCOUNT_CHANGE = 'tmplAccountChange00000000000000000001';
const ANNOUNCEMENT = 'tmplAnnouncement000000000000000000001';
const STATUS = 'tmplRepairStatus00000000000000000000001';
const SEND = '/cgi-bin/message/subscribe/send';

const accountChange = (touser: string, data: object = {}) => ({
  touser,
  template_id: ACCOUNT_CHANGE,
  page: 'pages/me/index?from=subscribe',
  data: {
    thing1: { value: '角色调整' },
    thing2: { value: '管理员、审批人（办公厅）' },
    time3: { value: '2026年11月21日 15:01' },
    ...data,
  },
});

async function setup(options?: WechatMockOptions) {
  const base = await start(createWechatMock(options));
  const { access_token: token } = await stableToken(base);
  const { openid } = await wxLogin(base);
  const send = (body: object): Promise<Json> => json(postJson(`${base}${SEND}?access_token=${token}`, body));
  const subscribe = (results: Record<string, string>, who = openid) =>
    postJson(`${base}/__mock/wx/subscribe`, { openid: who, results });
  const credits = (who = openid): Promise<Json> =>
    json(fetch(`${base}/__mock/wx/subscribe/credits?openid=${who}`));
  const outbox = (who = openid): Promise<Json> =>
    json(fetch(`${base}/__mock/wx/subscribe/outbox?openid=${who}`));
  return { base, openid, send, subscribe, credits, outbox };
}

const invalid = (key: string) => ({
  errcode: 47003,
  errmsg: expect.stringMatching(new RegExp(`^argument invalid! data\\.${key}\\.value invalid, rid: `)),
});

describe('subscribeMessage.send', () => {
  it('spends exactly one credit per send and files the rendered message', async () => {
    const { openid, send, subscribe, credits, outbox } = await setup();
    expect(await json(subscribe({ [ACCOUNT_CHANGE]: 'accept', [ANNOUNCEMENT]: 'acceptWithAudio' }))).toEqual({
      errMsg: 'requestSubscribeMessage:ok',
      [ACCOUNT_CHANGE]: 'accept',
      [ANNOUNCEMENT]: 'acceptWithAudio',
    });
    await subscribe({ [ACCOUNT_CHANGE]: 'accept' });
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 2, [ANNOUNCEMENT]: 1 });

    const answer = await send(accountChange(openid));
    expect(answer).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 1, [ANNOUNCEMENT]: 1 });
    expect(await outbox()).toEqual([
      {
        openid,
        templateId: ACCOUNT_CHANGE,
        page: 'pages/me/index?from=subscribe',
        data: { thing1: '角色调整', thing2: '管理员、审批人（办公厅）', time3: '2026年11月21日 15:01' },
        text: '账号变更提醒\nthing1: 角色调整\nthing2: 管理员、审批人（办公厅）\ntime3: 2026年11月21日 15:01',
        at: expect.any(String),
        msgid: answer.msgid,
      },
    ]);
  });

  it('answers 43101 once the one-time credit is spent, or when the user refused', async () => {
    const { openid, send, subscribe, credits } = await setup();
    await subscribe({ [ACCOUNT_CHANGE]: 'accept', [ANNOUNCEMENT]: 'reject' });
    expect(await send(accountChange(openid))).toMatchObject({ errcode: 0 });
    expect(await send(accountChange(openid))).toEqual({
      errcode: 43101,
      errmsg: expect.stringMatching(/^user refuse to accept the msg, rid: /),
    });
    expect(await send({ ...accountChange(openid), template_id: ANNOUNCEMENT })).toMatchObject({
      errcode: 43101,
    });
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 0, [ANNOUNCEMENT]: 0 });
  });

  it('checks touser, template_id and page before the data', async () => {
    const { openid, send, subscribe } = await setup();
    await subscribe({ [ACCOUNT_CHANGE]: 'accept' });
    const tooLong = { thing1: { value: '一'.repeat(21) } };
    expect(await send(accountChange('oNeverSeenByTheMock0000000000', tooLong))).toMatchObject({
      errcode: 40003,
    });
    expect(await send({ ...accountChange(openid, tooLong), template_id: 'tmplUnknown' })).toMatchObject({
      errcode: 40037,
    });
    expect(await send({ ...accountChange(openid, tooLong), page: 'pages/nowhere/index?id=1' })).toMatchObject(
      {
        errcode: 41030,
      },
    );
    expect(await send({ ...accountChange(openid), miniprogram_state: 'develop' })).toMatchObject({
      errcode: 47003,
    });
  });

  it('knows the demo accounts and openids met through code2Session or a subscribe prompt', async () => {
    const { base, send, subscribe } = await setup({ lenient: true });
    const [first] = await json(fetch(`${base}/__mock/wx/accounts`));
    expect(await send(accountChange(first.openid))).toMatchObject({ errcode: 43101 });
    const { openid: devtools } = await json(fetch(code2SessionUrl(base, 'D'.repeat(32))));
    expect(await send(accountChange(devtools))).toMatchObject({ errcode: 43101 });
    await subscribe({ [ACCOUNT_CHANGE]: 'reject' }, 'oPromptedOnly000000000000000');
    expect(await send(accountChange('oPromptedOnly000000000000000'))).toMatchObject({ errcode: 43101 });
  });

  it('names the keyword whose value breaks its type rule', async () => {
    const { openid, send, subscribe } = await setup({
      subscribeTemplates: [{ id: STATUS, title: '维修进度通知', keywords: ['phrase1', 'thing2'] }],
    });
    await subscribe({ [STATUS]: 'accept' });
    const status = (phrase: string, extra: object = {}) => ({
      touser: openid,
      template_id: STATUS,
      data: { phrase1: { value: phrase }, thing2: { value: '3栋1201 厨房水管漏水' }, ...extra },
    });
    expect(await send(status('已派单！'))).toEqual(invalid('phrase1'));
    expect(await send(status('已派单', { thing2: { value: '一'.repeat(21) } }))).toEqual(invalid('thing2'));
    expect(await send(status('已派单', { thing2: { value: '漏水\n厨房' } }))).toEqual(invalid('thing2'));
    expect(await send(status('已派单', { thing3: { value: '多余' } }))).toEqual(invalid('thing3'));
    expect(await send({ ...status('已派单'), data: { phrase1: { value: '已派单' } } })).toEqual(
      invalid('thing2'),
    );
    expect(await send(status('已派单'))).toMatchObject({ errcode: 0 });
  });

  it('rejects a 21-char thing and a missing keyword of the fixture templates', async () => {
    const { openid, send, subscribe, credits } = await setup();
    await subscribe({ [ACCOUNT_CHANGE]: 'accept' });
    expect(await send(accountChange(openid, { thing1: { value: 'a'.repeat(21) } }))).toEqual(
      invalid('thing1'),
    );
    const { time3: _dropped, ...withoutTime } = accountChange(openid).data;
    expect(await send({ ...accountChange(openid), data: withoutTime })).toEqual(invalid('time3'));
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 1 });
  });

  it('goes through the shared access-token and body checks', async () => {
    const { base } = await setup();
    expect(await json(postJson(`${base}${SEND}`, {}))).toMatchObject({ errcode: 41001 });
    expect(await json(postJson(`${base}${SEND}?access_token=stale`, {}))).toMatchObject({ errcode: 40001 });
    const { access_token: token } = await stableToken(base);
    const malformed = await fetch(`${base}${SEND}?access_token=${token}`, { method: 'POST', body: '{' });
    expect(await malformed.json()).toMatchObject({ errcode: 47001 });
    expect(await json(fetch(`${base}${SEND}?access_token=${token}`))).toMatchObject({ errcode: 43002 });
  });
});

describe('subscribe control plane', () => {
  it('gives no credit for reject, ban or filter', async () => {
    const { subscribe, credits } = await setup();
    await subscribe({ [ACCOUNT_CHANGE]: 'reject', [ANNOUNCEMENT]: 'ban' });
    await subscribe({ [ANNOUNCEMENT]: 'filter' });
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 0, [ANNOUNCEMENT]: 0 });
  });

  it('fails like the client API for unknown template ids, and grants nothing then', async () => {
    const { subscribe, credits } = await setup();
    const response = await subscribe({ [ACCOUNT_CHANGE]: 'accept', tmplUnknown: 'accept' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errMsg: 'requestSubscribeMessage:fail', errCode: 20001 });
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 0, [ANNOUNCEMENT]: 0 });
    expect((await subscribe({ [ACCOUNT_CHANGE]: 'maybe' })).status).toBe(400);
  });

  it('forgets credits and the outbox on reset', async () => {
    const { base, openid, send, subscribe, credits, outbox } = await setup();
    await subscribe({ [ACCOUNT_CHANGE]: 'accept', [ANNOUNCEMENT]: 'accept' });
    await send(accountChange(openid));
    await fetch(`${base}/__mock/reset`, { method: 'POST' });
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 0, [ANNOUNCEMENT]: 0 });
    expect(await outbox()).toEqual([]);
  });
});

describe('faults on subscribe send', () => {
  it('fails once with -1, then sends', async () => {
    const { base, openid, send, subscribe, credits } = await setup();
    await subscribe({ [ACCOUNT_CHANGE]: 'accept' });
    await postJson(`${base}/__mock/faults`, { path: SEND, errcode: -1, times: 1 });
    expect(await send(accountChange(openid))).toMatchObject({ errcode: -1 });
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 1 });
    expect(await send(accountChange(openid))).toMatchObject({ errcode: 0 });
  });

  it('answers an injected 40001 without spending the credit', async () => {
    const { base, openid, send, subscribe, credits } = await setup();
    await subscribe({ [ACCOUNT_CHANGE]: 'accept' });
    await postJson(`${base}/__mock/faults`, { path: SEND, errcode: 40001, times: 1 });
    expect(await send(accountChange(openid))).toMatchObject({
      errcode: 40001,
      errmsg: expect.stringMatching(/^invalid credential/),
    });
    expect(await credits()).toMatchObject({ [ACCOUNT_CHANGE]: 1 });
  });

  it('delays the next call by delayMs, then handles it normally', async () => {
    const { base, openid, send, subscribe, outbox } = await setup();
    await subscribe({ [ACCOUNT_CHANGE]: 'accept' });
    const fault = await postJson(`${base}/__mock/faults`, { path: SEND, delayMs: 300, times: 1 });
    expect(await fault.json()).toEqual({ path: SEND, times: 1, kind: 'delayMs', delayMs: 300 });
    const startedAt = performance.now();
    expect(await send(accountChange(openid))).toMatchObject({ errcode: 0 });
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(300);
    expect(await outbox()).toHaveLength(1);
  });
});
