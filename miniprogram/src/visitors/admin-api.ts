import { blockListRoutes, visitRoutes, type RouteBody, type RouteRes } from '@dayuan/shared';
import { call } from '@/services/request';

export type BlockEntryBody = RouteBody<typeof blockListRoutes.add>;
export type VisitorStats = RouteRes<typeof blockListRoutes.stats>;
export type ZonePolicy = RouteBody<typeof visitRoutes.updateZone>;

/** The visitors admin page's door to the server: one line per route. */
export const adminApi = {
  blockList: (page: number, pageSize: number) => call(blockListRoutes.list, { query: { page, pageSize } }),
  addBlockEntry: (body: BlockEntryBody) => call(blockListRoutes.add, { body }),
  removeBlockEntry: (id: string) => call(blockListRoutes.remove, { params: { id } }),
  stats: (days: number) => call(blockListRoutes.stats, { query: { days } }),
  zones: () => call(visitRoutes.zones),
  updateZone: (id: string, body: ZonePolicy) => call(visitRoutes.updateZone, { params: { id }, body }),
};
