import type { FastifyInstance } from 'fastify';
import { defaultPorts, smsFixtures, wechatFixtures } from './config.js';
import { listenOnLoopback } from './kit/mock-server.js';
import { createSmsMock } from './sms/index.js';
import { createWechatMock } from './wechat/index.js';

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a TCP port`);
  return value;
}

const wechat = createWechatMock({
  pages: process.env.WECHAT_MOCK_PAGES?.split(',').map((page) => page.trim()),
  lenient: process.env.WECHAT_MOCK_LENIENT === '1',
});
const sms = createSmsMock();
const mocks: FastifyInstance[] = [wechat, sms];

const wechatUrl = await listenOnLoopback(wechat, port('WECHAT_MOCK_PORT', defaultPorts.wechat));
console.log(`wechat mock  ${wechatUrl}  appid ${wechatFixtures.appid}`);
const smsUrl = await listenOnLoopback(sms, port('SMS_MOCK_PORT', defaultPorts.sms));
console.log(`sms mock     ${smsUrl}  SdkAppId ${smsFixtures.sdkAppId}`);

async function shutdown(): Promise<void> {
  await Promise.all(mocks.map((mock) => mock.close()));
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
