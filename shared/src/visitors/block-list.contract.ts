import { z } from 'zod';
import { pageOf, PageQuerySchema } from '../common/page.js';
import { route } from '../common/route.js';
import { CnMobileSchema, IsoDateTimeSchema, PersonNameSchema } from '../common/schemas.js';
import { IdNumberSchema } from './id-number.js';

/** A block-list entry matches a visitor by phone, by ID number or by any of its names. */
export const BlockEntrySchema = z.object({
  id: z.string(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  names: z.array(z.string()),
  reason: z.string(),
  expiresAt: IsoDateTimeSchema.nullable(),
  createdBy: z.string(),
  createdAt: IsoDateTimeSchema,
});
export type BlockEntry = z.infer<typeof BlockEntrySchema>;

export const BlockEntryBodySchema = z.strictObject({
  phone: CnMobileSchema.optional(),
  idNumber: IdNumberSchema.optional(),
  /** The name and its aliases; matching is exact after trimming. */
  names: z.array(PersonNameSchema).max(10).default([]),
  reason: z.string().trim().min(2, { message: '请填写原因' }).max(200),
  expiresAt: IsoDateTimeSchema.optional(),
});

const DayCountSchema = z.object({
  date: z.string(),
  visits: z.number().int(),
  arrived: z.number().int(),
  noShows: z.number().int(),
});

export const VisitorStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({
    visits: z.number().int(),
    byOrigin: z.record(z.string(), z.number().int()),
    arrived: z.number().int(),
    noShows: z.number().int(),
    rejected: z.number().int(),
    /** Share of approved visits whose visitor never came, 0–1. */
    noShowRate: z.number(),
  }),
  byDay: z.array(DayCountSchema),
  byGate: z.array(z.object({ gate: z.string(), entries: z.number().int(), denials: z.number().int() })),
  /** Allowed entries per hour of day (China Standard Time), 0–23. */
  entriesByHour: z.array(z.number().int()).length(24),
  denialsByReason: z.record(z.string(), z.number().int()),
});

export const blockListRoutes = {
  list: route({
    method: 'GET',
    path: '/api/visitors/block-list',
    summary: 'Active block-list entries (admin)',
    tag: 'visitors',
    access: ['admin'],
    query: PageQuerySchema,
    res: pageOf(BlockEntrySchema),
    errors: [],
  }),
  add: route({
    method: 'POST',
    path: '/api/visitors/block-list',
    summary: 'Add a block-list entry (admin); checked at request, approval and the gate',
    tag: 'visitors',
    access: ['admin'],
    body: BlockEntryBodySchema,
    res: BlockEntrySchema,
    errors: ['VISITORS_BLOCK_ENTRY_EMPTY'],
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/visitors/block-list/:id',
    summary: 'Lift a block-list entry (admin)',
    tag: 'visitors',
    access: ['admin'],
    res: z.object({ ok: z.literal(true) }),
    errors: ['VISITORS_BLOCK_ENTRY_NOT_FOUND'],
  }),
  stats: route({
    method: 'GET',
    path: '/api/visitors/stats',
    summary: 'Visit and passage figures for the last N days (admin); survives anonymisation',
    tag: 'visitors',
    access: ['admin'],
    query: z.strictObject({ days: z.coerce.number().int().min(1).max(366).default(30) }),
    res: VisitorStatsSchema,
    errors: [],
  }),
};
