import type { FastifyInstance } from 'fastify';
import { queryParam } from '../kit/body.js';
import { CONTROL_PREFIX, createMockServer } from '../kit/mock-server.js';
import { resolveSmsOptions, type SmsMockOptions } from './options.js';
import { Outbox } from './outbox.js';
import { toE164 } from './phone-numbers.js';
import { registerSendSms, renderSmsFault } from './send-sms.js';
import { sendTcError } from './wire.js';

export type { SmsMockOptions } from './options.js';
export type { SmsMessage } from './outbox.js';

/** Tencent Cloud SMS API 3.0 (`sms.tencentcloudapi.com`, `SendSms` 2021-01-11), plus its control plane. */
export function createSmsMock(opts: SmsMockOptions = {}): FastifyInstance {
  const options = resolveSmsOptions(opts);
  const mock = createMockServer({
    faultKinds: ['smsCode'],
    renderFault: (reply, fault) => renderSmsFault(reply, fault.smsCode),
    logger: opts.logger,
  });
  const outbox = new Outbox();
  mock.onReset(() => outbox.clear());

  mock.app.setErrorHandler((error, request, reply) => {
    if (request.url.startsWith(CONTROL_PREFIX)) return reply.send(error);
    request.log.error(error);
    return sendTcError(reply, 'InternalError');
  });

  registerSendSms(mock, options, outbox);

  mock.app.get('/__mock/sms/outbox', async (request) => {
    const phone = queryParam(request.query, 'phone');
    return outbox.list(phone === undefined ? undefined : (toE164(phone) ?? phone));
  });
  return mock.app;
}
