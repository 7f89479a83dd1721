import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, rawRows, type Tx } from '../db/client.js';
import { InjectDb } from '../db/db.module.js';
import {
  departments,
  notificationDeliveries,
  notificationPreferences,
  notifications,
  people,
  subscribeCredits,
  wechatBindings,
} from '../db/schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;

/** A delivery claimed for one attempt (`attempts` identifies the attempt), with its notification. */
export interface ClaimedDelivery {
  id: number;
  notificationId: string;
  channel: DeliveryRow['channel'];
  attempts: number;
  notification: NotificationRow;
}

// The claim returns the notification's columns too: one round trip per batch instead of one per delivery.
const CLAIM_RETURNING = sql.raw(`d.id, d.notification_id, d.channel, d.attempts, n.person_id, n.phone_enc,
  n.recipient, n.dedupe_key, n.template, n.category, n.params, n.title, n.body, n.link, n.urgency,
  n.created_at, n.read_at`);

// node-postgres returns bigint columns as strings and PGlite numbers; json may come as text.
const claimed = (rows: Record<string, unknown>[]): ClaimedDelivery[] =>
  rows.map((r) => ({
    id: Number(r.id),
    notificationId: String(r.notification_id),
    channel: r.channel as ClaimedDelivery['channel'],
    attempts: Number(r.attempts),
    notification: {
      id: String(r.notification_id),
      personId: (r.person_id as string | null) ?? null,
      phoneEnc: (r.phone_enc as string | null) ?? null,
      recipient: String(r.recipient),
      dedupeKey: String(r.dedupe_key),
      template: String(r.template),
      category: String(r.category),
      params: typeof r.params === 'string' ? JSON.parse(r.params) : r.params,
      title: String(r.title),
      body: String(r.body),
      link: String(r.link),
      urgency: r.urgency as NotificationRow['urgency'],
      createdAt: new Date(r.created_at as string),
      readAt: r.read_at ? new Date(r.read_at as string) : null,
    },
  }));

export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'retry'; error: string; at: Date }
  | { kind: 'dead'; error: string };

const due = (leaseExpiredStatuses: string[]) => sql`(
  (${notificationDeliveries.status} IN ('pending', 'retry') AND ${notificationDeliveries.nextAttemptAt} <= now())
  OR (${notificationDeliveries.status} IN (${sql.join(
    leaseExpiredStatuses.map((s) => sql`${s}`),
    sql`, `,
  )}) AND ${notificationDeliveries.leaseUntil} < now()))`;

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Inserts notifications; a recipient's repeated dedupe key is skipped. Returns the ones inserted. */
  async insertNotifications(tx: Tx, rows: NewNotification[]) {
    if (rows.length === 0) return [];
    return tx
      .insert(notifications)
      .values(rows)
      .onConflictDoNothing({ target: [notifications.recipient, notifications.dedupeKey] })
      .returning({ id: notifications.id, recipient: notifications.recipient });
  }

  async insertDeliveries(
    tx: Tx,
    rows: { notificationId: string; channel: DeliveryRow['channel']; nextAttemptAt?: Date }[],
  ) {
    if (rows.length > 0) await tx.insert(notificationDeliveries).values(rows);
  }

  async mutedCategories(tx: Tx, personIds: string[]): Promise<Map<string, string[]>> {
    if (personIds.length === 0) return new Map();
    const rows = await tx
      .select({ personId: notificationPreferences.personId, muted: notificationPreferences.mutedCategories })
      .from(notificationPreferences)
      .where(inArray(notificationPreferences.personId, personIds));
    return new Map(rows.map((r) => [r.personId, r.muted]));
  }

  /** Of `personIds`, those holding at least one credit for the subscribe template. */
  async creditHolders(tx: Tx, personIds: string[], templateKey: string): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await tx
      .select({ personId: subscribeCredits.personId })
      .from(subscribeCredits)
      .where(
        and(
          inArray(subscribeCredits.personId, personIds),
          eq(subscribeCredits.templateKey, templateKey),
          gt(subscribeCredits.credits, 0),
        ),
      );
    return new Set(rows.map((r) => r.personId));
  }

  // ---- the dispatcher's side ----

  /** Claims due deliveries for sending here: one claimant per row, even with many workers. */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await rawRows(
      this.db,
      sql`update notification_deliveries d set status = 'sending', attempts = d.attempts + 1,
            lease_until = now() + ${`${leaseMs} milliseconds`}::interval
          from notifications n
          where n.id = d.notification_id
            and d.id in (select id from notification_deliveries where ${due(['sending'])}
                         order by next_attempt_at limit ${limit} for update skip locked)
          returning ${CLAIM_RETURNING}`,
    );
    return claimed(rows);
  }

  /** Marks due deliveries queued for the job queue; a queued row not picked up within the lease is due again. */
  async relayDue(limit: number, leaseMs: number): Promise<{ id: number; attempts: number }[]> {
    const rows = await rawRows(
      this.db,
      sql`update notification_deliveries set status = 'queued',
            lease_until = now() + ${`${leaseMs} milliseconds`}::interval
          where id in (select id from notification_deliveries where ${due(['sending', 'queued'])}
                       order by next_attempt_at limit ${limit} for update skip locked)
          returning id, attempts`,
    );
    return rows.map((r) => ({ id: Number(r.id), attempts: Number(r.attempts) }));
  }

  /** Deliveries not yet ended (sent, skipped or dead). */
  async openDeliveries(): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(notificationDeliveries)
      .where(inArray(notificationDeliveries.status, ['pending', 'queued', 'sending', 'retry']));
    return Number(row?.n ?? 0);
  }

  async unqueue(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .update(notificationDeliveries)
      .set({ status: 'pending' })
      .where(and(inArray(notificationDeliveries.id, ids), eq(notificationDeliveries.status, 'queued')));
  }

  /** A queued delivery taken by a job: only while it is still queued (a duplicate job finds nothing). */
  async claimQueued(id: number, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const rows = await rawRows(
      this.db,
      sql`update notification_deliveries d set status = 'sending', attempts = d.attempts + 1,
            lease_until = now() + ${`${leaseMs} milliseconds`}::interval
          from notifications n
          where n.id = d.notification_id and d.id = ${id} and d.status = 'queued'
          returning ${CLAIM_RETURNING}`,
    );
    return claimed(rows)[0];
  }

  /** Records how a claimed attempt ended; only the claimant of that attempt may (a later claim wins). */
  async finish(
    delivery: Pick<ClaimedDelivery, 'id' | 'attempts'>,
    outcome: DeliveryOutcome,
  ): Promise<boolean> {
    const values =
      outcome.kind === 'sent'
        ? { status: 'sent' as const, sentAt: sql`now()`, lastError: null }
        : outcome.kind === 'skipped'
          ? { status: 'skipped' as const, lastError: outcome.reason }
          : outcome.kind === 'retry'
            ? { status: 'retry' as const, lastError: outcome.error, nextAttemptAt: outcome.at }
            : { status: 'dead' as const, lastError: outcome.error };
    const rows = await this.db
      .update(notificationDeliveries)
      .set({ ...values, leaseUntil: null })
      .where(
        and(
          eq(notificationDeliveries.id, delivery.id),
          eq(notificationDeliveries.status, 'sending'),
          eq(notificationDeliveries.attempts, delivery.attempts),
        ),
      )
      .returning({ id: notificationDeliveries.id });
    return rows.length > 0;
  }

  async openidOf(personId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ openid: wechatBindings.openid })
      .from(wechatBindings)
      .where(eq(wechatBindings.personId, personId));
    return row?.openid;
  }

  async phoneEncOf(personId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ phoneEnc: people.phoneEnc })
      .from(people)
      .where(eq(people.id, personId));
    return row?.phoneEnc;
  }

  // ---- subscribe credits ----

  async credits(personId: string) {
    return this.db
      .select({ templateKey: subscribeCredits.templateKey, credits: subscribeCredits.credits })
      .from(subscribeCredits)
      .where(eq(subscribeCredits.personId, personId));
  }

  async addCredits(tx: Tx, personId: string, templateKey: string, n: number) {
    await tx
      .insert(subscribeCredits)
      .values({ personId, templateKey, credits: n })
      .onConflictDoUpdate({
        target: [subscribeCredits.personId, subscribeCredits.templateKey],
        set: { credits: sql`${subscribeCredits.credits} + ${n}`, updatedAt: sql`now()` },
      });
  }

  /** Takes one credit if there is one: a conditional update, so a credit is never spent twice. */
  async takeCredit(personId: string, templateKey: string): Promise<boolean> {
    const rows = await this.db
      .update(subscribeCredits)
      .set({ credits: sql`${subscribeCredits.credits} - 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(subscribeCredits.personId, personId),
          eq(subscribeCredits.templateKey, templateKey),
          gt(subscribeCredits.credits, 0),
        ),
      )
      .returning({ credits: subscribeCredits.credits });
    return rows.length > 0;
  }

  async returnCredit(personId: string, templateKey: string) {
    await this.db
      .update(subscribeCredits)
      .set({ credits: sql`${subscribeCredits.credits} + 1` })
      .where(and(eq(subscribeCredits.personId, personId), eq(subscribeCredits.templateKey, templateKey)));
  }

  async clearCredits(personId: string, templateKey: string) {
    await this.db
      .update(subscribeCredits)
      .set({ credits: 0 })
      .where(and(eq(subscribeCredits.personId, personId), eq(subscribeCredits.templateKey, templateKey)));
  }

  // ---- the inbox ----

  async inbox(personId: string, filter: { unreadOnly?: boolean; page: number; pageSize: number }) {
    const where = and(
      eq(notifications.personId, personId),
      filter.unreadOnly ? isNull(notifications.readAt) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      this.db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      this.db.select({ n: count() }).from(notifications).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  }

  async unreadCount(personId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
    return row?.n ?? 0;
  }

  async markRead(personId: string, id: string): Promise<NotificationRow | undefined> {
    await this.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(eq(notifications.id, id), eq(notifications.personId, personId), isNull(notifications.readAt)),
      );
    const [row] = await this.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.personId, personId)));
    return row;
  }

  async markAllRead(personId: string): Promise<number> {
    const rows = await this.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  }

  async preferences(personId: string): Promise<string[]> {
    const [row] = await this.db
      .select({ muted: notificationPreferences.mutedCategories })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.personId, personId));
    return row?.muted ?? [];
  }

  async setPreferences(tx: Tx, personId: string, muted: string[]) {
    await tx
      .insert(notificationPreferences)
      .values({ personId, mutedCategories: muted })
      .onConflictDoUpdate({
        target: notificationPreferences.personId,
        set: { mutedCategories: muted, updatedAt: sql`now()` },
      });
  }

  // ---- administration ----

  /** Active people in the departments (and those below), or everyone when none are given. */
  async activePeopleIn(departmentPaths: string[]): Promise<string[]> {
    const inDepartments = departmentPaths.map(
      (p) =>
        sql`(${departments.path} = ${p} OR ${departments.path} LIKE ${`${p.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`})`,
    );
    const rows = await this.db
      .select({ id: people.id })
      .from(people)
      .leftJoin(departments, eq(departments.id, people.departmentId))
      .where(
        and(
          eq(people.status, 'active'),
          inDepartments.length > 0 ? sql`(${sql.join(inDepartments, sql` OR `)})` : undefined,
        ),
      );
    return rows.map((r) => r.id);
  }

  async departmentPaths(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({ path: departments.path })
      .from(departments)
      .where(inArray(departments.id, ids));
    return rows.map((r) => r.path);
  }

  async deliveriesWhere(where: ReturnType<typeof eq>, page: number, pageSize: number) {
    const [rows, [total]] = await Promise.all([
      this.db
        .select({
          delivery: notificationDeliveries,
          template: notifications.template,
          personName: people.name,
          phoneEnc: notifications.phoneEnc,
        })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .leftJoin(people, eq(people.id, notifications.personId))
        .where(where)
        .orderBy(desc(notificationDeliveries.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(notificationDeliveries).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  }

  async reviveDead(tx: Tx, id: number): Promise<boolean> {
    const rows = await tx
      .update(notificationDeliveries)
      .set({ status: 'pending', nextAttemptAt: sql`now()`, lastError: null })
      .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, 'dead')))
      .returning({ id: notificationDeliveries.id });
    return rows.length > 0;
  }
}
