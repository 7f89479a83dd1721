import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/platform/config/config.js';

describe('configuration', () => {
  it('runs with no settings at all in development: embedded database, local mocks', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      PGLITE_DIR: './data/pglite',
      WECHAT_API_BASE: 'http://127.0.0.1:7101',
    });
    expect(config.DATABASE_URL ?? config.REDIS_URL).toBeUndefined();
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
      expect((err as Error).message).toMatch(/JWT_SECRET: must be at least 32 characters/);
    }
  });

  it('refuses development secrets and local mocks in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: must be set in production[\s\S]*DATA_KEY[\s\S]*WECHAT_API_BASE/,
    );
    const ok = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
      DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
      ENTRY_CODE_KEY: Buffer.alloc(32, 2).toString('base64'),
      WECHAT_API_BASE: 'https://api.weixin.qq.com',
      SMS_API_BASE: 'https://sms.tencentcloudapi.com',
    });
    expect(ok.NODE_ENV).toBe('production');
  });

  it('treats empty optional URLs as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', REDIS_URL: '' });
    expect(config.DATABASE_URL ?? config.REDIS_URL).toBeUndefined();
  });
});
