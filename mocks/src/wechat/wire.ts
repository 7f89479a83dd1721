import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONTROL_PREFIX } from '../kit/mock-server.js';
import { randomHex } from '../kit/random.js';

/** The odd `encoding=` parameter is what api.weixin.qq.com sends. */
export const WX_JSON_TYPE = 'application/json; encoding=utf-8';

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40129: 'invalid scene',
  40163: 'code been used',
  40165: 'invalid weapp pagepath',
  40169: 'invalid length for scene, or the data is not json string',
  40212: 'invalid query',
  40226: 'code blocked',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
  85401: 'time limit between 1min and 1year',
};

/**
 * Always HTTP 200: clients such as co-wechat-api only look for `errcode` in 2xx answers. Sent as a Buffer so
 * Fastify keeps the content type exactly as given instead of appending a charset.
 */
export function sendWx(reply: FastifyReply, body: object): FastifyReply {
  return reply
    .code(200)
    .header('content-type', WX_JSON_TYPE)
    .send(Buffer.from(JSON.stringify(body)));
}

export function sendWxError(
  reply: FastifyReply,
  errcode: number,
  errmsg = ERRMSG[errcode] ?? 'mock fault',
): FastifyReply {
  return sendWx(reply, { errcode, errmsg: `${errmsg}, rid: ${rid()}` });
}

export function sendWxOk(reply: FastifyReply, fields: object): FastifyReply {
  return sendWx(reply, { errcode: 0, errmsg: 'ok', ...fields });
}

/** Like WeChat's request ids: hex unix time, then two random groups. */
function rid(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${seconds}-${randomHex(4)}-${randomHex(4)}`;
}

/** WeChat answers a GET to a POST-only API with 43002 instead of a 404. */
export function rejectGet(app: FastifyInstance, path: string): void {
  app.get(path, async (_request, reply) => sendWxError(reply, 43002));
}

/** Bugs in the mock surface as WeChat's transient `-1 system error`, as a real outage would. */
export function setWechatErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (request.url.startsWith(CONTROL_PREFIX)) return reply.send(error);
    request.log.error(error);
    return sendWxError(reply, -1);
  });
}
