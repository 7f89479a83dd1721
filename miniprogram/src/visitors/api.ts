import { gateRoutes as r, type RouteBody, type RouteRes } from '@dayuan/shared';
import { call } from '@/services/request';

export type Passage = RouteRes<typeof r.passages>['items'][number];

/** The visitors subpackage's only door to the server: one line per route. */
export const visitorsApi = {
  entryCode: () => call(r.entryCode),
  guardScan: (body: RouteBody<typeof r.guardScan>) => call(r.guardScan, { body }),
  passages: () => call(r.passages),
};
