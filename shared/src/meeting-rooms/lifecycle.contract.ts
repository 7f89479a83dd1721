import { z } from 'zod';
import { pageOf, PageQuerySchema } from '../common/page.js';
import { route } from '../common/route.js';
import { ClockTimeSchema } from '../common/schemas.js';
import { bookingErrors, BookingSchema } from './bookings.contract.js';

export const BookingDecisionBodySchema = z
  .strictObject({
    approve: z.boolean(),
    /** Required when rejecting: the organizer reads it. */
    note: z.string().trim().max(100, { message: '审批意见不能超过 100 个字' }).optional(),
  })
  .refine((b) => b.approve || !!b.note, { path: ['note'], message: '请填写驳回理由' });

export const ExtendBodySchema = z.strictObject({
  /** The new end, China Standard Time, on the booking's day. */
  endTime: ClockTimeSchema,
});

const checkInErrors = [
  'MEETING_ROOMS_NOT_CHECKABLE',
  'MEETING_ROOMS_CHECK_IN_TOO_EARLY',
  'MEETING_ROOMS_CHECK_IN_TOO_LATE',
] as const;

/** What happens to a booking after it is made: approval, check-in, ending early and extending. */
export const bookingLifecycleRoutes = {
  approvals: route({
    method: 'GET',
    path: '/api/meeting-rooms/approvals',
    summary: "Pending bookings of restricted rooms waiting for me (my departments' approver, or admin)",
    tag: 'meeting-rooms',
    access: ['approver', 'admin'],
    query: PageQuerySchema,
    res: pageOf(BookingSchema),
    errors: [],
  }),
  decide: route({
    method: 'POST',
    path: '/api/meeting-rooms/bookings/:id/decision',
    summary: 'Approve or reject a pending booking (a rejection needs a reason and frees the slot)',
    tag: 'meeting-rooms',
    access: ['approver', 'admin'],
    body: BookingDecisionBodySchema,
    res: BookingSchema,
    errors: [
      'MEETING_ROOMS_BOOKING_NOT_FOUND',
      'MEETING_ROOMS_NOT_YOUR_APPROVAL',
      'MEETING_ROOMS_NOT_PENDING',
      'MEETING_ROOMS_APPROVAL_EXPIRED',
    ],
  }),
  checkIn: route({
    method: 'POST',
    path: '/api/meeting-rooms/bookings/:id/check-in',
    summary: 'Check in (organizer or attendee) from shortly before to shortly after the start',
    tag: 'meeting-rooms',
    access: 'user',
    res: BookingSchema,
    errors: [...bookingErrors, ...checkInErrors],
  }),
  checkInAtRoom: route({
    method: 'POST',
    path: '/api/meeting-rooms/rooms/:id/check-in',
    summary: "Door code (scene = room id): check in the caller's booking that is current in this room",
    tag: 'meeting-rooms',
    access: 'user',
    res: BookingSchema,
    errors: ['MEETING_ROOMS_NOT_FOUND', 'MEETING_ROOMS_NO_CURRENT_BOOKING', ...checkInErrors],
  }),
  end: route({
    method: 'POST',
    path: '/api/meeting-rooms/bookings/:id/end',
    summary: 'End a checked-in meeting early (organizer or admin); the rest of the slot is free at once',
    tag: 'meeting-rooms',
    access: 'user',
    res: BookingSchema,
    errors: [...bookingErrors, 'MEETING_ROOMS_NOT_IN_PROGRESS'],
  }),
  extend: route({
    method: 'POST',
    path: '/api/meeting-rooms/bookings/:id/extend',
    summary: "Move a booking's end later if the room is free and its rules allow (organizer or admin)",
    tag: 'meeting-rooms',
    access: 'user',
    body: ExtendBodySchema,
    res: BookingSchema,
    errors: [
      ...bookingErrors,
      'MEETING_ROOMS_NOT_EXTENDABLE',
      'MEETING_ROOMS_TIME_INVALID',
      'MEETING_ROOMS_OUTSIDE_OPEN_HOURS',
      'MEETING_ROOMS_TOO_LONG',
      'MEETING_ROOMS_ROOM_CLOSED',
      'MEETING_ROOMS_SLOT_TAKEN',
    ],
  }),
};
