import { ErrorBodySchema, type RouteDef, routes } from '@dayuan/shared';
import { demoLogins } from '@dayuan/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let adminToken: string;
beforeAll(async () => {
  t = await startTestApp();
  adminToken = (await t.loginAs(demoLogins.admin)).tokens.accessToken;
});
afterAll(() => t.close());

const allRoutes = Object.values(routes).flatMap((area) => Object.values(area) as RouteDef[]);
const url = (def: RouteDef) => def.path.replace(':id', '00000000-0000-4000-8000-000000000000');

async function send(method: string, path: string, payload?: string, contentType = 'application/json') {
  const res = await t.app.inject({
    method: method as 'POST',
    url: path,
    payload,
    headers: {
      authorization: `Bearer ${adminToken}`,
      ...(payload === undefined ? {} : { 'content-type': contentType }),
    },
  });
  return { status: res.statusCode, body: ErrorBodySchema.parse(res.json()) };
}

describe('bad input gets a coded 4xx, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await send('POST', '/api/auth/wechat-login', '{"code": ');
    expect(res).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON', details: [{ path: 'body' }] } });
  });

  it('unknown fields and wrong types, each with its field path', async () => {
    const res = await send(
      'POST',
      '/api/auth/bind-sms',
      JSON.stringify({ bindTicket: 42, employeeNo: 'E0001', smsCode: '12', extra: true }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { path: 'body.bindTicket', issue: '类型不正确' },
        { path: 'body.smsCode', issue: '验证码为 6 位数字' },
        { path: 'body.extra', issue: '不允许的字段' },
      ]),
    );
  });

  it('an oversize body', async () => {
    const res = await send(
      'POST',
      '/api/directory/import',
      JSON.stringify({ csv: 'x'.repeat(t.config.BODY_LIMIT_BYTES + 10) }),
    );
    expect(res).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('a content type other than JSON', async () => {
    const res = await send('POST', '/api/auth/wechat-login', 'code=abc', 'application/x-www-form-urlencoded');
    expect(res).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('unknown query parameters and bad path ids', async () => {
    const query = await send('GET', '/api/directory/people?page=0&color=red');
    expect(query.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'query.page' }),
        { path: 'query.color', issue: '不允许的字段' },
      ]),
    );
    const id = await send('GET', '/api/directory/people/not-a-uuid');
    expect(id).toMatchObject({
      status: 400,
      body: { details: [{ path: 'params.id', issue: '编号格式不正确' }] },
    });
  });

  it('an unknown route', async () => {
    expect(await send('GET', '/api/nothing-here')).toMatchObject({
      status: 404,
      body: { code: 'ROUTE_NOT_FOUND' },
    });
  });

  it.each(allRoutes.map((def) => [`${def.method} ${def.path}`, def] as const))(
    '%s survives garbage',
    async (_name, def) => {
      const garbage = [
        '[]',
        '"text"',
        '123',
        'null',
        '{"__proto__":{"admin":true}}',
        JSON.stringify({ a: 'x'.repeat(5000) }),
      ];
      for (const payload of def.method === 'GET' ? [undefined] : garbage) {
        const res = await t.app.inject({
          method: def.method,
          url: `${url(def)}${def.method === 'GET' ? '?page=abc&pageSize=-1&q[]=1' : ''}`,
          payload,
          headers: {
            authorization: `Bearer ${adminToken}`,
            ...(payload ? { 'content-type': 'application/json' } : {}),
          },
        });
        expect(res.statusCode, `${def.method} ${def.path} with ${payload?.slice(0, 40)}`).toBeLessThan(500);
        if (res.statusCode !== 200) expect(ErrorBodySchema.safeParse(res.json()).success).toBe(true);
      }
    },
  );

  it('answers every error with a request id the logs carry too', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { 'x-request-id': 'trace-abc-123' },
    });
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.json()).toMatchObject({ code: 'AUTH_REQUIRED', requestId: 'trace-abc-123' });
  });
});
