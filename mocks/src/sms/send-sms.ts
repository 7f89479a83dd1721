import type { FastifyReply } from 'fastify';
import { parseJsonObject, rawBody, type JsonObject } from '../kit/body.js';
import type { MockServer } from '../kit/mock-server.js';
import type { ResolvedSmsOptions } from './options.js';
import type { Outbox } from './outbox.js';
import { toE164 } from './phone-numbers.js';
import { SendHistory } from './send-history.js';
import { verifyTc3 } from './tc3.js';
import { renderTemplate, smsFee, templateParamCount } from './templates.js';
import { NUMBER_STATUSES, sendStatus, sendTc, sendTcError } from './wire.js';

export const SMS_API_VERSION = '2021-01-11';
const MAX_NUMBERS = 200;

interface SendSmsRequest {
  phoneNumbers: string[];
  signName: string;
  templateId: string;
  templateText: string;
  params: string[];
  sessionContext: string;
}

/** `SendSms` of Tencent Cloud SMS API 3.0 at `POST /`. */
export function registerSendSms(
  { app, clock, onReset }: MockServer,
  options: ResolvedSmsOptions,
  outbox: Outbox,
): void {
  const history = new SendHistory(options.hourlyLimit, options.dailyLimit);
  const blacklist = new Set(options.blacklist);
  onReset(() => history.clear());

  app.post('/', async (request, reply) => {
    const payload = rawBody(request.body) ?? Buffer.alloc(0);
    const authError = verifyTc3(
      { method: request.method, headers: request.headers, payload },
      options,
      clock.nowSeconds(),
    );
    if (authError) return sendTcError(reply, authError);
    if (request.headers['x-tc-action'] !== 'SendSms') return sendTcError(reply, 'InvalidAction');
    if (request.headers['x-tc-version'] !== SMS_API_VERSION) return sendTcError(reply, 'NoSuchVersion');
    const body = parseJsonObject(payload);
    if (typeof body !== 'object') return sendTcError(reply, 'FailedOperation.JsonParseFail');
    const send = parseSendSms(body, options);
    if ('error' in send) return sendTcError(reply, send.error, send.message);

    const now = clock.now();
    const text = `【${send.signName}】${renderTemplate(send.templateText, send.params)}`;
    const statuses = send.phoneNumbers.map((input) => {
      const phone = toE164(input);
      if (!phone) return sendStatus(input, 'InvalidParameterValue.IncorrectPhoneNumber', send.sessionContext);
      if (blacklist.has(phone)) {
        return sendStatus(phone, 'FailedOperation.PhoneNumberInBlacklist', send.sessionContext);
      }
      const limit = history.limitFor(phone, text, now);
      if (limit) return sendStatus(phone, limit, send.sessionContext);
      history.record(phone, text, now);
      outbox.add({
        phone,
        text,
        templateId: send.templateId,
        params: send.params,
        sessionContext: send.sessionContext,
        at: new Date(now).toISOString(),
      });
      return sendStatus(phone, 'Ok', send.sessionContext, smsFee(text));
    });
    return sendTc(reply, { SendStatusSet: statuses });
  });
}

function parseSendSms(
  body: JsonObject,
  options: ResolvedSmsOptions,
): SendSmsRequest | { error: string; message?: string } {
  const {
    PhoneNumberSet,
    SmsSdkAppId,
    SignName,
    TemplateId,
    TemplateParamSet = [],
    SessionContext = '',
  } = body;
  for (const [name, value] of Object.entries({ SmsSdkAppId, TemplateId })) {
    if (value === undefined) {
      return {
        error: 'MissingParameter',
        message: `The request is missing a required parameter \`${name}\`.`,
      };
    }
  }
  if (SmsSdkAppId !== options.sdkAppId) return { error: 'InvalidParameterValue.SdkAppIdNotExist' };
  if (PhoneNumberSet === undefined || (Array.isArray(PhoneNumberSet) && PhoneNumberSet.length === 0)) {
    return { error: 'MissingParameter.EmptyPhoneNumberSet' };
  }
  if (!isStringArray(PhoneNumberSet)) return invalid('PhoneNumberSet');
  if (PhoneNumberSet.length > MAX_NUMBERS) return { error: 'LimitExceeded.PhoneNumberCountLimit' };
  if (typeof SignName !== 'string' || !options.signNames.includes(SignName)) {
    return { error: 'FailedOperation.SignatureIncorrectOrUnapproved' };
  }
  const template = options.templates.find((candidate) => candidate.id === TemplateId);
  if (!template) return { error: 'FailedOperation.TemplateIncorrectOrUnapproved' };
  if (!isStringArray(TemplateParamSet)) return invalid('TemplateParamSet');
  if (TemplateParamSet.length !== templateParamCount(template.text)) {
    return { error: 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate' };
  }
  if (typeof SessionContext !== 'string') return invalid('SessionContext');
  return {
    phoneNumbers: PhoneNumberSet,
    signName: SignName,
    templateId: template.id,
    templateText: template.text,
    params: TemplateParamSet,
    sessionContext: SessionContext,
  };
}

function invalid(name: string): { error: string; message: string } {
  return { error: 'InvalidParameter', message: `The value of parameter \`${name}\` is invalid.` };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** An injected per-number code fails every number of the request; any other code fails the request. */
export function renderSmsFault(reply: FastifyReply, code: string): FastifyReply {
  if (!(code in NUMBER_STATUSES)) return sendTcError(reply, code);
  const body = parseJsonObject(reply.request.body);
  const numbers = typeof body === 'object' && isStringArray(body.PhoneNumberSet) ? body.PhoneNumberSet : [];
  const sessionContext =
    typeof body === 'object' && typeof body.SessionContext === 'string' ? body.SessionContext : '';
  return sendTc(reply, {
    SendStatusSet: numbers.map((number) => sendStatus(toE164(number) ?? number, code, sessionContext)),
  });
}
