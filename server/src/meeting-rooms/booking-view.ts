import { type Booking, maskPhone, type MeetingService } from '@dayuan/shared';
import type { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import type { BookingDetail, BookingRow } from './bookings.repository.js';

/** A booking for its organizer, attendees and admins: guests' phones masked. */
export function bookingView(row: BookingDetail, cipher: PersonalDataCipher): Booking {
  const b = row.booking;
  return {
    id: b.id,
    status: b.status,
    title: b.title,
    room: { id: b.roomId, name: row.roomName, building: row.buildingName, floor: row.floor },
    start: b.during.start.toISOString(),
    end: b.during.end.toISOString(),
    organizer: { id: b.organizerId, name: row.organizerName, department: row.department },
    attendees: row.attendees,
    guests: row.guests.map((g) => ({
      name: g.name,
      phoneMasked: g.phoneEnc ? maskPhone(cipher.decrypt(g.phoneEnc)) : '已删除',
      company: g.company,
      pass: g.pass && {
        visitId: g.pass.visitId,
        status: g.pass.status,
        validFrom: g.pass.windowStart.toISOString(),
        validUntil: g.pass.windowEnd.toISOString(),
      },
    })),
    services: b.services as MeetingService[],
    serviceTasks: row.serviceTasks.map((t) => ({ ...t, doneAt: t.doneAt?.toISOString() ?? null })),
    approvalDeadline: b.approvalDeadline?.toISOString() ?? null,
    decisionNote: b.decisionNote,
    checkedInAt: b.checkedInAt?.toISOString() ?? null,
    seriesId: b.seriesId,
    createdAt: b.createdAt.toISOString(),
  };
}

/** A booking on a day grid. */
export function slotView(b: BookingRow, organizer: string) {
  return {
    id: b.id,
    title: b.title,
    status: b.status,
    start: b.during.start.toISOString(),
    end: b.during.end.toISOString(),
    organizer,
  };
}
