import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { resetTaroFakes } from './taro-fakes';

vi.mock('@tarojs/taro', async (importOriginal) => {
  const mod = await importOriginal<Record<string, unknown> & { default: object }>();
  const { taro } = await import('./taro-fakes');
  // The H5 build rewrites `Taro.x` into named imports; here the default export needs them all.
  const { default: base, ...named } = mod;
  return { ...named, ...taro, default: { ...base, ...named, ...taro } };
});

beforeEach(async () => {
  resetTaroFakes();
  localStorage.clear();
  const { useSession } = await import('@/stores/session');
  useSession.getState().clear();
  const { useInbox } = await import('@/stores/inbox');
  useInbox.getState().reset();
  const { forgetSubscribeTemplates } = await import('@/services/subscribe');
  forgetSubscribeTemplates();
});

afterEach(() => cleanup());
