export { createWechatMock, type SubscribeMessage, type WechatMockOptions } from './wechat/index.js';
export { createSmsMock, type SmsMockOptions, type SmsMessage } from './sms/index.js';
export { listenOnLoopback } from './kit/mock-server.js';
export type { RecordedCall } from './kit/recorder.js';
export {
  defaultPorts,
  smsFixtures,
  wechatFixtures,
  type SmsTemplate,
  type SubscribeTemplate,
} from './config.js';
export * from './demo/index.js';
export {
  GateSimulator,
  signScan,
  GATE_SCAN_PATH,
  type GateDeviceCredentials,
  type ScanFaults,
} from './gate/gate-simulator.js';
