import Taro from '@tarojs/taro';
import type { z } from 'zod';
import {
  SubscribeResult,
  notificationRoutes,
  type RouteRes,
  type SubscribeTemplateKey,
} from '@dayuan/shared';
import { call } from './request';

type Template = RouteRes<typeof notificationRoutes.subscribeTemplates>['items'][number];
type Answer = z.infer<typeof SubscribeResult>;
export type SubscribeAnswers = Partial<Record<SubscribeTemplateKey, Answer>>;

/** WeChat asks for at most three templates per dialog. */
type UpToThree<T> = readonly [T] | readonly [T, T] | readonly [T, T, T];
const MAX_PER_ASK = 3;

let templates: Template[] | null = null;
let loading: Promise<Template[]> | null = null;
/** Bumped when the session ends, so a load that was under way does not fill the next session's cache. */
let epoch = 0;

/**
 * Subscribe messages exist only inside WeChat. H5 runs in a plain browser: there is no dialog to open
 * and no WeChat identity to send to, so nothing is asked there.
 */
export function canAskToSubscribe(): boolean {
  return Taro.getEnv() === Taro.ENV_TYPE.WEAPP;
}

/** Loads the template ids ahead of the first tap (called when a session starts). */
export function prefetchSubscribeTemplates(): void {
  if (!canAskToSubscribe()) return;
  loadTemplates().catch((error: unknown) => console.warn('[subscribe] loading templates failed', error));
}

/** Drops the cached templates (their credits belong to the session that ended). */
export function forgetSubscribeTemplates(): void {
  epoch += 1;
  templates = null;
  loading = null;
}

function loadTemplates(): Promise<Template[]> {
  if (templates) return Promise.resolve(templates);
  const mine = epoch;
  loading ??= call(notificationRoutes.subscribeTemplates).then(({ items }) => {
    if (mine === epoch) {
      templates = items;
      loading = null;
    }
    return items;
  });
  return loading;
}

/**
 * Asks the person to allow WeChat subscribe messages for `keys` and reports the answers to the server.
 * Call it straight from a tap handler: WeChat opens the dialog only in answer to a tap, and an await in
 * between (such as a request) loses that, which is why the template ids are prefetched per session.
 * Best effort: resolves with the answers it got (none in H5 or on any failure) and never rejects.
 */
export async function askToSubscribe(keys: UpToThree<SubscribeTemplateKey>): Promise<SubscribeAnswers> {
  if (!canAskToSubscribe()) return {};
  const mine = epoch;
  try {
    const known = templates ?? (await loadTemplates());
    const asked = [...new Set(keys)]
      .slice(0, MAX_PER_ASK)
      .flatMap((key) => known.filter((t) => t.key === key).map((t) => ({ key, templateId: t.templateId })));
    if (asked.length === 0) return {};

    const res = await Taro.requestSubscribeMessage({
      tmplIds: asked.map((t) => t.templateId),
      // Alipay's field, required by Taro's typing; WeChat reads tmplIds.
      entityIds: [],
    });
    // WeChat answers with one key per template id.
    const byTemplateId = new Map<string, unknown>(Object.entries(res));
    const answers: SubscribeAnswers = {};
    const results: Record<string, Answer> = {};
    for (const { key, templateId } of asked) {
      const answer = SubscribeResult.safeParse(byTemplateId.get(templateId));
      if (!answer.success) continue;
      answers[key] = answer.data;
      results[templateId] = answer.data;
    }
    if (Object.keys(results).length > 0) {
      const { items } = await call(notificationRoutes.reportSubscriptions, { body: { results } });
      if (mine === epoch) templates = items;
    }
    return answers;
  } catch (error) {
    console.warn('[subscribe] asking to subscribe failed', error);
    return {};
  }
}
