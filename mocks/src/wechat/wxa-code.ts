import QRCode from 'qrcode';
import type { MockServer } from '../kit/mock-server.js';
import { isJsonObject } from '../kit/body.js';
import { readWxApiCall } from './api-request.js';
import { ENV_VERSIONS, type ResolvedWechatOptions } from './options.js';
import type { TokenStore } from './token-store.js';
import { rejectGet, sendWxError } from './wire.js';

const SCENE_CHARSET = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

/**
 * `getwxacodeunlimit`: a real PNG whose QR code reads `mockwxa://<page>?scene=<scene>` (scene as given, not
 * URL-encoded), so tests can decode what a phone would open. Errors stay JSON, as on WeChat.
 */
export function registerWxaCode(
  { app }: MockServer,
  options: ResolvedWechatOptions,
  tokens: TokenStore,
): void {
  app.post('/wxa/getwxacodeunlimit', async (request, reply) => {
    const body = readWxApiCall(request, tokens);
    if (typeof body === 'number') return sendWxError(reply, body);
    const {
      scene,
      page = options.pages[0] ?? '',
      check_path: checkPath,
      env_version: envVersion = 'release',
    } = body;
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
      return sendWxError(reply, 40169);
    }
    if (!SCENE_CHARSET.test(scene)) return sendWxError(reply, 40129);
    if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) {
      return sendWxError(reply, 41030);
    }
    if (checkPath !== false && !options.pages.includes(page)) return sendWxError(reply, 41030);
    if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion)) {
      return sendWxError(reply, 40097);
    }

    const transparent = body.is_hyaline === true;
    const png = await QRCode.toBuffer(`mockwxa://${page}?scene=${scene}`, {
      type: 'png',
      width: clamp(typeof body.width === 'number' ? body.width : 430, 280, 1280),
      margin: 2,
      color: {
        dark: body.auto_color === true ? '#000000ff' : lineColor(body.line_color),
        light: transparent ? '#ffffff00' : '#ffffffff',
      },
    });
    return reply.code(200).type('image/png').send(png);
  });
  rejectGet(app, '/wxa/getwxacodeunlimit');
}

function lineColor(value: unknown): string {
  if (!isJsonObject(value)) return '#000000ff';
  const channel = (name: string) =>
    clamp(Number(value[name]) || 0, 0, 255)
      .toString(16)
      .padStart(2, '0');
  return `#${channel('r')}${channel('g')}${channel('b')}ff`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
