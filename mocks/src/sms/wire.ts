import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { randomDigits } from '../kit/random.js';

const REQUEST_ERRORS: Record<string, string> = {
  'AuthFailure.InvalidAuthorization': 'Authorization header format error.',
  'AuthFailure.SignatureExpire':
    'Signature expired. Timestamp and server time differ by more than 5 minutes.',
  'AuthFailure.SecretIdNotFound': 'The SecretId is not found, please ensure that your SecretId is correct.',
  'AuthFailure.SignatureFailure':
    'The provided credentials could not be validated. Please check your signature is correct.',
  InvalidAction: 'The action requested was invalid.',
  NoSuchVersion: 'The requested version does not exist.',
  MissingParameter: 'The request is missing a required parameter.',
  InvalidParameter: 'A parameter is invalid.',
  InternalError: 'An internal error has occurred. Retry your request.',
  'FailedOperation.JsonParseFail': 'Failed to parse the request body as JSON.',
  'InvalidParameterValue.SdkAppIdNotExist': 'SdkAppId not exist.',
  'MissingParameter.EmptyPhoneNumberSet': 'The PhoneNumberSet is empty.',
  'LimitExceeded.PhoneNumberCountLimit': 'More than 200 phone numbers in one request.',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'Signature format error or signature not approved.',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'Template format error or template not approved.',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate':
    'The request content does not match the approved template content.',
};

/** Outcomes reported per number in `SendStatusSet[i].Code` rather than for the whole request. */
export const NUMBER_STATUSES: Record<string, string> = {
  Ok: 'send success',
  'LimitExceeded.PhoneNumberThirtySecondLimit':
    'the number of sms messages sent from a single mobile number within 30 seconds exceeds the upper limit',
  'LimitExceeded.PhoneNumberOneHourLimit':
    'the number of sms messages sent from a single mobile number within 1 hour exceeds the upper limit',
  'LimitExceeded.PhoneNumberDailyLimit':
    'the number of sms messages sent from a single mobile number every day exceeds the upper limit',
  'LimitExceeded.PhoneNumberSameContentDailyLimit':
    'the number of sms messages with the same content sent to a single mobile number every day exceeds the upper limit',
  'LimitExceeded.DeliveryFrequencyLimit': 'delivery frequency limit',
  'InvalidParameterValue.IncorrectPhoneNumber': 'incorrect phone number format',
  'FailedOperation.PhoneNumberInBlacklist': 'the mobile number is in the blacklist',
};

export interface SendStatus {
  SerialNo: string;
  PhoneNumber: string;
  Fee: number;
  SessionContext: string;
  Code: string;
  Message: string;
  IsoCode: string;
}

export function sendStatus(phoneNumber: string, code: string, sessionContext: string, fee = 0): SendStatus {
  const ok = code === 'Ok';
  return {
    SerialNo: ok ? `2640:${randomDigits(28)}` : '',
    PhoneNumber: phoneNumber,
    Fee: ok ? fee : 0,
    SessionContext: sessionContext,
    Code: code,
    Message: NUMBER_STATUSES[code] ?? code,
    IsoCode: phoneNumber.startsWith('+86') ? 'CN' : '',
  };
}

/** API 3.0 always answers HTTP 200; the outcome is in `Response`. */
export function sendTc(reply: FastifyReply, response: object): FastifyReply {
  return reply
    .code(200)
    .header('content-type', 'application/json')
    .send(Buffer.from(JSON.stringify({ Response: { ...response, RequestId: randomUUID() } })));
}

export function sendTcError(
  reply: FastifyReply,
  code: string,
  message = REQUEST_ERRORS[code] ?? code,
): FastifyReply {
  return sendTc(reply, { Error: { Code: code, Message: message } });
}
