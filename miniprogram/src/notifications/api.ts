import { directoryRoutes, notificationRoutes as r, type RouteBody, type RouteQuery } from '@dayuan/shared';
import { call } from '@/services/request';

/** The notifications subpackage's only door to the server (admin routes). */
export const notificationsApi = {
  departments: () => call(directoryRoutes.departments),
  announce: (body: RouteBody<typeof r.announce>) => call(r.announce, { body }),
  deadLetters: (query: RouteQuery<typeof r.deadLetters>) => call(r.deadLetters, { query }),
  retry: (id: string) => call(r.retryDelivery, { params: { id } }),
};
