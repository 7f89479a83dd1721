import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, gte, inArray, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { transition } from '../platform/db/transition.js';
import {
  buildingEntrances,
  departments,
  gates,
  meetingRoomsGuests,
  people,
  personRoles,
  visitorsBookingLinks,
  visitorsVisits,
  visitorsZonePolicies,
} from '../platform/db/schema.js';

export type VisitRow = typeof visitorsVisits.$inferSelect;
export type NewVisit = typeof visitorsVisits.$inferInsert;
export type VisitStatusValue = VisitRow['status'];

/** A visit with what every view of it shows: the host's name and department. */
export interface VisitWithHost {
  visit: VisitRow;
  hostName: string;
  hostDepartment: string | null;
}

export interface ZoneRow {
  id: string;
  name: string;
  idNumberRequired: boolean;
  approverRequired: boolean;
}

/** Statuses whose visits still count against a host's daily cap. */
const LIVE_STATUSES: VisitStatusValue[] = ['pending', 'approved', 'checked_in', 'checked_out'];

@Injectable()
export class VisitsRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async zones(tx: Db | Tx = this.db): Promise<ZoneRow[]> {
    return tx
      .select({
        id: gates.id,
        name: gates.name,
        idNumberRequired: sql<boolean>`coalesce(${visitorsZonePolicies.idNumberRequired}, false)`,
        approverRequired: sql<boolean>`coalesce(${visitorsZonePolicies.approverRequired}, false)`,
      })
      .from(gates)
      .leftJoin(visitorsZonePolicies, eq(visitorsZonePolicies.gateId, gates.id))
      .orderBy(asc(gates.code));
  }

  async setZonePolicy(
    tx: Tx,
    gateId: string,
    policy: { idNumberRequired: boolean; approverRequired: boolean },
  ) {
    await tx
      .insert(visitorsZonePolicies)
      .values({ gateId, ...policy })
      .onConflictDoUpdate({ target: visitorsZonePolicies.gateId, set: policy });
  }

  async activePerson(id: string, tx: Db | Tx = this.db) {
    const [row] = await tx
      .select({ id: people.id, name: people.name, departmentId: people.departmentId })
      .from(people)
      .where(and(eq(people.id, id), eq(people.status, 'active')));
    return row;
  }

  async insertVisits(tx: Tx, rows: NewVisit[]): Promise<VisitRow[]> {
    return tx.insert(visitorsVisits).values(rows).returning();
  }

  /** Visits with their host, in the order of `ids`. */
  async withHosts(ids: string[], tx: Db | Tx = this.db): Promise<VisitWithHost[]> {
    if (ids.length === 0) return [];
    const rows = await this.selectWithHost(tx).where(inArray(visitorsVisits.id, ids));
    const byId = new Map(rows.map((r) => [r.visit.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async find(id: string, tx: Db | Tx = this.db): Promise<VisitWithHost | undefined> {
    const [row] = await this.withHosts([id], tx);
    return row;
  }

  /** Locks one visit for a decision that depends on its current state. */
  async lock(tx: Tx, id: string): Promise<VisitRow | undefined> {
    const [row] = await tx.select().from(visitorsVisits).where(eq(visitorsVisits.id, id)).for('update');
    return row;
  }

  /** Changes a visit only if it is still in one of `from`: the database decides races. */
  async transition(
    tx: Tx,
    id: string,
    from: VisitStatusValue[],
    set: PgUpdateSetSource<typeof visitorsVisits>,
    extra?: SQL,
  ): Promise<VisitRow | undefined> {
    return transition(tx, visitorsVisits, id, from, set, extra);
  }

  async page(where: SQL | undefined, page: number, pageSize: number, newestFirst = true) {
    const [total] = await this.db.select({ n: count() }).from(visitorsVisits).where(where);
    const items = await this.selectWithHost(this.db)
      .where(where)
      // The id breaks ties: visits of one invitation share a window, and pages must not overlap.
      .orderBy(
        ...(newestFirst
          ? [desc(visitorsVisits.windowStart), desc(visitorsVisits.id)]
          : [asc(visitorsVisits.windowStart), asc(visitorsVisits.id)]),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { items, total: total?.n ?? 0 };
  }

  async list(where: SQL, limit = 500): Promise<VisitWithHost[]> {
    return this.selectWithHost(this.db).where(where).orderBy(asc(visitorsVisits.windowStart)).limit(limit);
  }

  async hostVisitsOnDay(tx: Tx, hostId: string, dayStart: Date, dayEnd: Date): Promise<number> {
    // Serialises concurrent requests to one host, so the cap holds under a burst.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`visitors-cap:${hostId}`}))`);
    const [row] = await tx
      .select({ n: count() })
      .from(visitorsVisits)
      .where(
        and(
          eq(visitorsVisits.hostId, hostId),
          gte(visitorsVisits.windowStart, dayStart),
          lt(visitorsVisits.windowStart, dayEnd),
          inArray(visitorsVisits.status, LIVE_STATUSES),
        ),
      );
    return row?.n ?? 0;
  }

  async bookingLinkOfHost(hostId: string, tx: Db | Tx = this.db) {
    const [row] = await tx.select().from(visitorsBookingLinks).where(eq(visitorsBookingLinks.hostId, hostId));
    return row;
  }

  async bookingLinkByCode(code: string) {
    const [row] = await this.db
      .select({
        link: visitorsBookingLinks,
        hostName: people.name,
        hostStatus: people.status,
        department: departments.name,
        departmentId: people.departmentId,
      })
      .from(visitorsBookingLinks)
      .innerJoin(people, eq(people.id, visitorsBookingLinks.hostId))
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(eq(visitorsBookingLinks.code, code));
    return row;
  }

  async saveBookingLink(tx: Tx, values: typeof visitorsBookingLinks.$inferInsert) {
    const [row] = await tx
      .insert(visitorsBookingLinks)
      .values(values)
      .onConflictDoUpdate({
        target: visitorsBookingLinks.hostId,
        set: { code: values.code, dailyCap: values.dailyCap, enabled: values.enabled },
      })
      .returning();
    return row!;
  }

  /** The visits a link token was sent for, excluding erased ones. */
  async byLinkToken(hash: string): Promise<VisitRow[]> {
    return this.db
      .select()
      .from(visitorsVisits)
      .where(and(eq(visitorsVisits.linkTokenHash, hash), sql`${visitorsVisits.anonymisedAt} IS NULL`))
      .orderBy(asc(visitorsVisits.windowStart));
  }

  /** A guest's visits: the ones not over yet first, then the last 30 days. */
  async ofPhone(phoneHash: string, since: Date): Promise<VisitWithHost[]> {
    return this.selectWithHost(this.db)
      .where(and(eq(visitorsVisits.phoneHash, phoneHash), gte(visitorsVisits.windowEnd, since)))
      .orderBy(asc(visitorsVisits.windowStart))
      .limit(50);
  }

  /** An approved or checked-in visit for a plate, valid around `at` at this gate. */
  async visitForPlate(plate: string, gateId: string, at: Date) {
    const [row] = await this.db
      .select()
      .from(visitorsVisits)
      .where(
        and(
          eq(visitorsVisits.plate, plate),
          sql`${gateId}::uuid = ANY(${visitorsVisits.gateIds})`,
          notInArray(visitorsVisits.status, ['rejected', 'cancelled', 'expired']),
          lt(visitorsVisits.windowStart, new Date(at.getTime() + 12 * 3600_000)),
          gte(visitorsVisits.windowEnd, new Date(at.getTime() - 12 * 3600_000)),
        ),
      )
      // The visit whose window is nearest to now.
      .orderBy(
        sql`abs(extract(epoch from (${visitorsVisits.windowStart} - ${at.toISOString()}::timestamptz)))`,
      )
      .limit(1);
    return row;
  }

  async get(id: string, tx: Db | Tx = this.db): Promise<VisitRow | undefined> {
    const [row] = await tx.select().from(visitorsVisits).where(eq(visitorsVisits.id, id));
    return row;
  }

  /** Who decides the approver step for a department: its approvers, or the admins when it has none. */
  async approversOf(departmentId: string | null, tx: Db | Tx = this.db): Promise<string[]> {
    const holders = (role: string, scoped: SQL | undefined) =>
      tx
        .select({ id: personRoles.personId })
        .from(personRoles)
        .innerJoin(people, eq(people.id, personRoles.personId))
        .where(and(eq(personRoles.role, role), eq(people.status, 'active'), scoped));
    const approvers = departmentId
      ? await holders('approver', sql`${personRoles.scope}->'departmentIds' ? ${departmentId}`)
      : [];
    const ids = approvers.length > 0 ? approvers : await holders('admin', undefined);
    return ids.map((r) => r.id);
  }

  /** The gates that lead to a building; when none are recorded, every gate people walk through. */
  async entrancesOf(buildingId: string, tx: Db | Tx = this.db): Promise<ZoneRow[]> {
    const zones = await this.zones(tx);
    const entrances = await tx
      .select({ id: buildingEntrances.gateId })
      .from(buildingEntrances)
      .where(eq(buildingEntrances.buildingId, buildingId));
    const walkable =
      entrances.length > 0
        ? entrances
        : await tx
            .select({ id: gates.id })
            .from(gates)
            .where(inArray(gates.kind, ['pedestrian', 'both']));
    const ids = new Set(walkable.map((g) => g.id));
    return zones.filter((z) => ids.has(z.id));
  }

  /** Moves the windows of a booking's meeting passes still in `from`; returns the moved ones. */
  moveMeetingPasses(
    tx: Tx,
    bookingId: string,
    from: VisitStatusValue[],
    window: { start: Date; end: Date },
  ): Promise<VisitRow[]> {
    return tx
      .update(visitorsVisits)
      .set({ windowStart: window.start, windowEnd: window.end, updatedAt: sql`now()` })
      .where(and(this.ofBookings([bookingId]), inArray(visitorsVisits.status, from)))
      .returning();
  }

  /** Cancels the meeting passes of these bookings still in `from`; returns the cancelled ones. */
  cancelMeetingPasses(tx: Tx, bookingIds: string[], from: VisitStatusValue[]): Promise<VisitRow[]> {
    if (bookingIds.length === 0) return Promise.resolve([]);
    return tx
      .update(visitorsVisits)
      .set({ status: 'cancelled', awaiting: null, updatedAt: sql`now()` })
      .where(and(this.ofBookings(bookingIds), inArray(visitorsVisits.status, from)))
      .returning();
  }

  gateNames(tx: Db | Tx = this.db) {
    return tx.select({ id: gates.id, name: gates.name }).from(gates);
  }

  /** Visits issued to the guests of these bookings. */
  private ofBookings(bookingIds: string[]): SQL {
    return inArray(
      visitorsVisits.meetingGuestId,
      this.db
        .select({ id: meetingRoomsGuests.id })
        .from(meetingRoomsGuests)
        .where(inArray(meetingRoomsGuests.bookingId, bookingIds)),
    );
  }

  private selectWithHost(tx: Db | Tx) {
    return tx
      .select({ visit: visitorsVisits, hostName: people.name, hostDepartment: departments.name })
      .from(visitorsVisits)
      .innerJoin(people, eq(people.id, visitorsVisits.hostId))
      .leftJoin(departments, eq(departments.id, visitorsVisits.departmentId))
      .$dynamic();
  }
}
