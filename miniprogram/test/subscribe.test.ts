import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  askToSubscribe,
  canAskToSubscribe,
  forgetSubscribeTemplates,
  prefetchSubscribeTemplates,
} from '@/services/subscribe';
import { useSession } from '@/stores/session';
import { errorBody, me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

const templates = [
  { key: 'announcement', templateId: 'tpl-announcement', credits: 0 },
  { key: 'account_change', templateId: 'tpl-account', credits: 1 },
  { key: 'visitor_arrived', templateId: 'tpl-visitor', credits: 0 },
  { key: 'car_ready', templateId: 'tpl-car', credits: 0 },
];

function serveTemplates() {
  answerRequests((key, { data }) => {
    if (key === 'GET /api/notifications/subscribe-templates') {
      return { statusCode: 200, data: { items: templates } };
    }
    if (key === 'POST /api/notifications/subscriptions') {
      const { results } = data as { results: Record<string, string> };
      const items = templates.map((t) => ({
        ...t,
        credits: t.credits + (results[t.templateId] === 'accept' ? 1 : 0),
      }));
      return { statusCode: 200, data: { items } };
    }
    throw new Error(`unexpected ${key}`);
  });
}

const paths = () => taro.request.mock.calls.map(([o]) => `${o.method} ${new URL(o.url).pathname}`);

describe('askToSubscribe', () => {
  beforeEach(() => {
    forgetSubscribeTemplates();
    useSession.getState().signIn({ tokens: tokens(1), me: me() });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('asks nothing in H5, where there is no WeChat', async () => {
    serveTemplates();
    expect(canAskToSubscribe()).toBe(false);
    prefetchSubscribeTemplates();

    await expect(askToSubscribe(['announcement', 'account_change'])).resolves.toEqual({});
    expect(taro.request).not.toHaveBeenCalled();
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  describe('in weapp', () => {
    beforeEach(() => taro.getEnv.mockReturnValue('WEAPP'));

    it('asks WeChat for the templates and reports the answers', async () => {
      serveTemplates();
      taro.requestSubscribeMessage.mockResolvedValue({
        errMsg: 'requestSubscribeMessage:ok',
        'tpl-announcement': 'accept',
        'tpl-account': 'reject',
      });

      const answers = await askToSubscribe(['announcement', 'account_change']);

      expect(answers).toEqual({ announcement: 'accept', account_change: 'reject' });
      expect(taro.requestSubscribeMessage).toHaveBeenCalledWith(
        expect.objectContaining({ tmplIds: ['tpl-announcement', 'tpl-account'] }),
      );
      const report = taro.request.mock.calls.find(([o]) =>
        o.url.endsWith('/api/notifications/subscriptions'),
      );
      expect(report?.[0]).toMatchObject({
        method: 'POST',
        data: { results: { 'tpl-announcement': 'accept', 'tpl-account': 'reject' } },
      });
    });

    it('opens the dialog synchronously from the tap once the templates are prefetched', async () => {
      serveTemplates();
      prefetchSubscribeTemplates();
      await vi.waitFor(() => expect(paths()).toEqual(['GET /api/notifications/subscribe-templates']));
      await new Promise((resolve) => setTimeout(resolve, 0));
      taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' });

      const pending = askToSubscribe(['account_change']);
      // still inside the tap handler: nothing awaited before WeChat is asked
      expect(taro.requestSubscribeMessage).toHaveBeenCalledWith(
        expect.objectContaining({ tmplIds: ['tpl-account'] }),
      );
      await expect(pending).resolves.toEqual({});
      expect(paths()).toEqual(['GET /api/notifications/subscribe-templates']);
    });

    it('asks for at most three templates, each once', async () => {
      serveTemplates();
      taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' });
      const keys = ['announcement', 'announcement', 'account_change', 'visitor_arrived', 'car_ready'];

      await askToSubscribe(keys as unknown as Parameters<typeof askToSubscribe>[0]);

      expect(taro.requestSubscribeMessage.mock.calls[0]?.[0].tmplIds).toEqual([
        'tpl-announcement',
        'tpl-account',
        'tpl-visitor',
      ]);
    });

    it('never rejects when the person or WeChat refuses the dialog', async () => {
      serveTemplates();
      taro.requestSubscribeMessage.mockRejectedValue({
        errMsg: 'requestSubscribeMessage:fail',
        errCode: 20004,
      });
      await expect(askToSubscribe(['announcement'])).resolves.toEqual({});
      expect(console.warn).toHaveBeenCalled();
    });

    it('never rejects when the templates cannot be loaded', async () => {
      taro.request.mockRejectedValue({ errMsg: 'request:fail' });
      await expect(askToSubscribe(['announcement'])).resolves.toEqual({});
      expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
    });

    it('never rejects when the answers cannot be reported', async () => {
      answerRequests((key) => {
        if (key === 'GET /api/notifications/subscribe-templates') {
          return { statusCode: 200, data: { items: templates } };
        }
        return errorBody('NOTIFICATIONS_UNKNOWN_TEMPLATE');
      });
      taro.requestSubscribeMessage.mockResolvedValue({ 'tpl-announcement': 'accept' });
      await expect(askToSubscribe(['announcement'])).resolves.toEqual({});
      expect(paths()).toContain('POST /api/notifications/subscriptions');
    });
  });
});
