import {
  directoryRoutes,
  gateRoutes,
  visitRoutes,
  type RouteBody,
  type RouteQuery,
  type RouteRes,
} from '@dayuan/shared';
import { call } from '@/services/request';

export type Passage = RouteRes<typeof gateRoutes.passages>['items'][number];
export type ManualPassage = RouteBody<typeof visitRoutes.checkIn>;
export type WalkInBody = RouteBody<typeof visitRoutes.walkIn>;

/** How many people a host search lists. */
const HOST_SEARCH_SIZE = 10;

/** The guard console's and the walk-in page's door to the server: one line per route. */
export const guardApi = {
  guardScan: (body: RouteBody<typeof gateRoutes.guardScan>) => call(gateRoutes.guardScan, { body }),
  passages: () => call(gateRoutes.passages),
  expected: (query: RouteQuery<typeof visitRoutes.expected>) => call(visitRoutes.expected, { query }),
  visit: (id: string) => call(visitRoutes.get, { params: { id } }),
  walkIn: (body: WalkInBody) => call(visitRoutes.walkIn, { body }),
  checkIn: (id: string, body: ManualPassage) => call(visitRoutes.checkIn, { params: { id }, body }),
  checkOut: (id: string, body: ManualPassage) => call(visitRoutes.checkOut, { params: { id }, body }),
  zones: () => call(visitRoutes.zones),
  /** Staff whose name or employee number starts with `q`: who a walk-in visitor can be visiting. */
  searchHosts: (q: string) =>
    call(directoryRoutes.people, { query: { q, page: 1, pageSize: HOST_SEARCH_SIZE } }),
};
