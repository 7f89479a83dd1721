import { z } from 'zod';
import { route } from '../common/route.js';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['pglite', 'postgres']),
  redis: z.enum(['memory', 'redis']),
  version: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;

export const healthRoutes = {
  health: route({
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness and the backends in use',
    tag: 'platform',
    access: 'public',
    res: HealthSchema,
    errors: ['UPSTREAM_UNAVAILABLE'],
  }),
};
