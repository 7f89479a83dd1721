import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/client.js';
import {
  buildings,
  meetingRoomsAttendees,
  meetingRoomsBookings,
  meetingRoomsGuests,
  people,
  personRoles,
  rooms,
} from '../platform/db/schema.js';
import type { BookingRow, GuestRow } from './bookings.repository.js';

/** A booking with everyone a change of it concerns and where it takes place. */
export interface Meeting {
  booking: BookingRow;
  organizerName: string;
  buildingId: string;
  /** `会议中心 多功能厅`. */
  place: string;
  attendeeIds: string[];
  guests: GuestRow[];
}

/** Who a booking's state change reaches: organizer, staff attendees, guests, the meeting service team. */
@Injectable()
export class MeetingPartiesRepository {
  /** The bookings as they are now in `tx`, in no particular order. */
  async meetings(tx: Tx, bookingIds: string[]): Promise<Meeting[]> {
    if (bookingIds.length === 0) return [];
    const rows = await tx
      .select({
        booking: meetingRoomsBookings,
        organizerName: people.name,
        buildingId: buildings.id,
        buildingName: buildings.name,
        roomName: rooms.name,
      })
      .from(meetingRoomsBookings)
      .innerJoin(rooms, eq(rooms.id, meetingRoomsBookings.roomId))
      .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
      .innerJoin(people, eq(people.id, meetingRoomsBookings.organizerId))
      .where(inArray(meetingRoomsBookings.id, bookingIds));
    const attendees = await tx
      .select()
      .from(meetingRoomsAttendees)
      .where(inArray(meetingRoomsAttendees.bookingId, bookingIds));
    const guests = await tx
      .select()
      .from(meetingRoomsGuests)
      .where(inArray(meetingRoomsGuests.bookingId, bookingIds))
      .orderBy(asc(meetingRoomsGuests.createdAt), asc(meetingRoomsGuests.id));
    return rows.map((r) => ({
      booking: r.booking,
      organizerName: r.organizerName,
      buildingId: r.buildingId,
      place: `${r.buildingName} ${r.roomName}`,
      attendeeIds: attendees.filter((a) => a.bookingId === r.booking.id).map((a) => a.personId),
      guests: guests.filter((g) => g.bookingId === r.booking.id),
    }));
  }

  /** Active people holding the meeting_service role. */
  async serviceStaff(tx: Tx): Promise<string[]> {
    const rows = await tx
      .select({ id: personRoles.personId })
      .from(personRoles)
      .innerJoin(people, eq(people.id, personRoles.personId))
      .where(and(eq(personRoles.role, 'meeting_service'), eq(people.status, 'active')));
    return rows.map((r) => r.id);
  }
}
