import { type RouteDef, routes } from '@dayuan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { seed: false });
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('documents every contract route with its access and error codes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json();
    for (const def of Object.values(routes).flatMap((a) => Object.values(a) as RouteDef[])) {
      const op = doc.paths[def.path.replace(/:(\w+)/g, '{$1}')]?.[def.method.toLowerCase()];
      expect(op, `${def.method} ${def.path}`).toBeDefined();
      const documentedCodes = JSON.stringify(op.responses);
      for (const code of def.errors) expect(documentedCodes).toContain(code);
    }
    expect(doc.paths['/api/directory/import'].post.description).toContain('admin');
  });

  it('serves the Swagger UI page and its assets', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.body).toContain('/api/docs/openapi.json');
    const asset = await t.app.inject({ method: 'GET', url: '/api/docs/assets/swagger-ui-bundle.js' });
    expect(asset.statusCode).toBe(200);
  });
});

describe('metrics', () => {
  it('counts requests by route pattern, not by raw URL', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    await t.app.inject({ method: 'GET', url: '/api/directory/people/00000000-0000-4000-8000-000000000000' });
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(text).toContain('route="/api/directory/people/:id",status="401"');
    expect(text).toContain('process_cpu_seconds_total');
  });
});
