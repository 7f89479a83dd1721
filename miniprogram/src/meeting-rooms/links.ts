/** Pages of the meeting-rooms subpackage, as other pages and notifications open them. */
export const PAGES = {
  home: '/meeting-rooms/pages/home/index',
  book: '/meeting-rooms/pages/book/index',
  booking: '/meeting-rooms/pages/booking/index',
  mine: '/meeting-rooms/pages/mine/index',
  room: '/meeting-rooms/pages/room/index',
  approvals: '/meeting-rooms/pages/approvals/index',
  serviceTasks: '/meeting-rooms/pages/service-tasks/index',
  stats: '/meeting-rooms/pages/stats/index',
  admin: '/meeting-rooms/pages/admin/index',
} as const;

/** The book page for a room, a day and optionally a time. */
export function bookUrl(roomId: string, date: string, startTime?: string, endTime?: string): string {
  const q = [`roomId=${encodeURIComponent(roomId)}`, `date=${date}`];
  if (startTime) q.push(`start=${startTime}`);
  if (endTime) q.push(`end=${endTime}`);
  return `${PAGES.book}?${q.join('&')}`;
}

export const bookingUrl = (id: string) => `${PAGES.booking}?id=${encodeURIComponent(id)}`;
