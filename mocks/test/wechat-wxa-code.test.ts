import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createWechatMock } from '../src/wechat/index.js';
import { json, postJson, stableToken, start } from './helpers.js';

const PAGE = 'directory/pages/person/index';

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  // jsqr is CommonJS; under NodeNext its typed default export is `.default`.
  return jsQR.default(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

async function setup(base: string) {
  const { access_token: token } = await stableToken(base);
  return (body: object | string) =>
    typeof body === 'string'
      ? fetch(`${base}/wxa/getwxacodeunlimit?access_token=${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        })
      : postJson(`${base}/wxa/getwxacodeunlimit?access_token=${token}`, body);
}

describe('getwxacodeunlimit', () => {
  it('returns a PNG whose QR code reads mockwxa://<page>?scene=<scene>', async () => {
    const base = await start(createWechatMock());
    const getCode = await setup(base);
    const response = await getCode({ scene: 'r=8kq3z1', page: PAGE, check_path: true, width: 430 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(decodeQr(png)).toBe(`mockwxa://${PAGE}?scene=r=8kq3z1`);
  });

  it('still decodes with a transparent background', async () => {
    const base = await start(createWechatMock());
    const getCode = await setup(base);
    const response = await getCode({ scene: 'v=Ab3', page: PAGE, is_hyaline: true });
    expect(decodeQr(Buffer.from(await response.arrayBuffer()))).toBe(`mockwxa://${PAGE}?scene=v=Ab3`);
  });

  it('allows an unreleased page with check_path false', async () => {
    const base = await start(createWechatMock());
    const getCode = await setup(base);
    const response = await getCode({ scene: 'x=1', page: 'draft/pages/new/index', check_path: false });
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('answers JSON errors for a bad scene, page or body', async () => {
    const base = await start(createWechatMock());
    const getCode = await setup(base);
    const error = async (body: object | string) => {
      const response = await getCode(body);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; encoding=utf-8');
      return (await json(response)).errcode;
    };
    expect(await error({ scene: 'a'.repeat(33), page: PAGE })).toBe(40169);
    expect(await error({ scene: '', page: PAGE })).toBe(40169);
    expect(await error({ scene: '房间=1', page: PAGE })).toBe(40129);
    expect(await error({ scene: 'r=%20', page: PAGE })).toBe(40129);
    expect(await error({ scene: 'r=1', page: 'pages/unknown/index' })).toBe(41030);
    expect(await error({ scene: 'r=1', page: `/${PAGE}` })).toBe(41030);
    expect(await error('scene=r%3D1')).toBe(47001);
  });

  it('validates the access token first', async () => {
    const base = await start(createWechatMock());
    expect(
      await json(postJson(`${base}/wxa/getwxacodeunlimit?access_token=bad`, { scene: 'r=1' })),
    ).toMatchObject({
      errcode: 40001,
    });
  });
});
