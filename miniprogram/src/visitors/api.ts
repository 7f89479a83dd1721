import {
  gateRoutes as r,
  visitRoutes as v,
  type ParsedBody,
  type RouteBody,
  type RouteQuery,
  type RouteRes,
} from '@dayuan/shared';
import { call } from '@/services/request';

export type Passage = RouteRes<typeof r.passages>['items'][number];
/** What the invite form sends once it passed the shared schema (phones normalised, defaults applied). */
export type InviteBody = ParsedBody<typeof v.invite>;
export type VisitListQuery = RouteQuery<typeof v.list>;
export type Decision = RouteBody<typeof v.decide>;
export type BookingLink = RouteRes<typeof v.bookingLink>;
export type BookingLinkChange = RouteBody<typeof v.updateBookingLink>;

/** The visitors subpackage's door to the server for staff and hosts: one line per route. */
export const visitorsApi = {
  entryCode: () => call(r.entryCode),
  guardScan: (body: RouteBody<typeof r.guardScan>) => call(r.guardScan, { body }),
  passages: () => call(r.passages),

  zones: () => call(v.zones),
  invite: (body: InviteBody) => call(v.invite, { body }),
  visits: (query: VisitListQuery) => call(v.list, { query }),
  visit: (id: string) => call(v.get, { params: { id } }),
  /** Every read is audited on the server: call it only after the person confirmed. */
  personalData: (id: string) => call(v.personalData, { params: { id } }),
  decide: (id: string, body: Decision) => call(v.decide, { params: { id }, body }),
  cancel: (id: string) => call(v.cancel, { params: { id } }),
  bookingLink: () => call(v.bookingLink),
  updateBookingLink: (body: BookingLinkChange) => call(v.updateBookingLink, { body }),
};
