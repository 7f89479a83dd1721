import { directoryRoutes as r, type RouteBody, type RouteQuery } from '@dayuan/shared';
import { call } from '@/services/request';

/** The directory subpackage's only door to the server: one line per route. */
export const directoryApi = {
  departments: () => call(r.departments),
  people: (query: RouteQuery<typeof r.people>) => call(r.people, { query }),
  person: (id: string) => call(r.person, { params: { id } }),
  import: (body: RouteBody<typeof r.import>) => call(r.import, { body }),
};
