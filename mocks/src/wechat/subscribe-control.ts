import type { FastifyReply } from 'fastify';
import { isJsonObject, parseJsonObject, queryParam } from '../kit/body.js';
import type { MockServer } from '../kit/mock-server.js';
import type { ResolvedWechatOptions } from './options.js';
import type { SubscribeState } from './subscribe-send.js';

const ANSWERS = ['accept', 'reject', 'ban', 'filter', 'acceptWithAudio'];
const MAX_TEMPLATES_PER_PROMPT = 5;

/**
 * The user answering `wx.requestSubscribeMessage` on the phone, and views of the credit ledger and outbox.
 * The answer has the shape the client API resolves (or rejects) with.
 */
export function registerSubscribeControl(
  { app }: MockServer,
  options: ResolvedWechatOptions,
  { openids, ledger }: Omit<SubscribeState, 'tokens'>,
): void {
  const templateIds = options.subscribeTemplates.map((template) => template.id);

  app.post('/__mock/wx/subscribe', async (request, reply) => {
    const body = parseJsonObject(request.body);
    if (typeof body !== 'object') return reply.code(400).send({ error: 'body must be a JSON object' });
    const { openid, results } = body;
    if (typeof openid !== 'string' || openid.length === 0) {
      return reply.code(400).send({ error: 'invalid openid' });
    }
    const answers = isJsonObject(results) ? Object.entries(results) : [];
    if (!isJsonObject(results) || !answers.every(([, answer]) => ANSWERS.some((known) => known === answer))) {
      return reply.code(400).send({ error: `results must map template ids to one of ${ANSWERS.join(', ')}` });
    }
    if (answers.length === 0) return fail(reply, 10001);
    if (answers.length > MAX_TEMPLATES_PER_PROMPT) return fail(reply, 20003);
    if (!answers.every(([id]) => templateIds.includes(id))) return fail(reply, 20001);

    openids.add(openid);
    for (const [id, answer] of answers) {
      if (answer === 'accept' || answer === 'acceptWithAudio') ledger.grant(openid, id);
    }
    return { errMsg: 'requestSubscribeMessage:ok', ...results };
  });

  app.get('/__mock/wx/subscribe/credits', async (request, reply) => {
    const openid = queryParam(request.query, 'openid');
    if (!openid) return reply.code(400).send({ error: 'openid is required' });
    return Object.fromEntries(templateIds.map((id) => [id, ledger.count(openid, id)]));
  });

  app.get('/__mock/wx/subscribe/outbox', async (request) =>
    ledger.outbox(queryParam(request.query, 'openid')),
  );
}

function fail(reply: FastifyReply, errCode: number): FastifyReply {
  return reply.code(400).send({ errMsg: 'requestSubscribeMessage:fail', errCode });
}
