import type { BookingLink } from '../../api';

/** The mini-program card a host forwards to a visitor: it opens the booking page of the host's code. */
export function shareMessage(link: Pick<BookingLink, 'path'>, hostName: string | undefined) {
  return {
    title: hostName ? `向${hostName}预约来访` : '预约来访',
    path: link.path.startsWith('/') ? link.path : `/${link.path}`,
  };
}
