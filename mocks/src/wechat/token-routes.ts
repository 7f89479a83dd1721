import type { FastifyReply } from 'fastify';
import { asString, queryParam } from '../kit/body.js';
import type { MockServer } from '../kit/mock-server.js';
import { readWxJsonBody } from './api-request.js';
import { checkAppCredentials, type ResolvedWechatOptions } from './options.js';
import type { IssuedToken, TokenStore } from './token-store.js';
import { rejectGet, sendWx, sendWxError } from './wire.js';

export function registerTokenRoutes(
  { app }: MockServer,
  options: ResolvedWechatOptions,
  tokens: TokenStore,
): void {
  app.get('/cgi-bin/token', async (request, reply) => {
    const param = (name: string) => queryParam(request.query, name);
    if (param('grant_type') !== 'client_credential') return sendWxError(reply, 40002);
    const credentialError = checkAppCredentials(options, param('appid'), param('secret'));
    if (credentialError) return sendWxError(reply, credentialError);
    return sendIssued(reply, tokens.issueClassic());
  });

  app.post('/cgi-bin/stable_token', async (request, reply) => {
    const body = readWxJsonBody(request);
    if (typeof body === 'number') return sendWxError(reply, body);
    if (body.grant_type !== 'client_credential') return sendWxError(reply, 40002);
    const credentialError = checkAppCredentials(options, asString(body.appid), asString(body.secret));
    if (credentialError) return sendWxError(reply, credentialError);
    return sendIssued(reply, tokens.issueStable(body.force_refresh === true));
  });
  rejectGet(app, '/cgi-bin/stable_token');
}

function sendIssued(reply: FastifyReply, issued: IssuedToken | number): FastifyReply {
  return typeof issued === 'number' ? sendWxError(reply, issued) : sendWx(reply, issued);
}
