import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

// This file is read by drizzle-kit on its own, so it imports nothing relative.

/** A half-open range of instants, `[start, end)`: what an exclusion constraint compares with `&&`. */
export const tstzrange = customType<{ data: { start: Date; end: Date }; driverData: string }>({
  dataType: () => 'tstzrange',
  toDriver: ({ start, end }) => `[${start.toISOString()},${end.toISOString()})`,
  fromDriver: (value) => {
    // `["2026-11-22 01:00:00+00","2026-11-22 02:00:00+00")`, the offset in the session's time zone.
    const [start, end] = value
      .slice(1, -1)
      .split(',')
      .map(
        (bound) =>
          new Date(
            bound
              .replaceAll('"', '')
              .replace(' ', 'T')
              .replace(/([+-]\d\d)$/, '$1:00'),
          ),
      );
    return { start: start!, end: end! };
  },
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => departments.id),
    /** Full path from the root, `办公厅/秘书处`: the natural key CSV imports use. */
    path: text('path').notNull().unique(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check('departments_not_own_parent', sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
    check('departments_name_not_blank', sql`length(trim(${t.name})) > 0`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeNo: text('employee_no').notNull().unique(),
    name: text('name').notNull(),
    title: text('title'),
    departmentId: uuid('department_id').references(() => departments.id),
    /** AES-256-GCM ciphertext of the mobile number. */
    phoneEnc: text('phone_enc').notNull(),
    /** HMAC-SHA256 of the mobile number: lookup and uniqueness without the plaintext. */
    phoneHash: text('phone_hash').notNull().unique(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('people_status_valid', sql`${t.status} IN ('active', 'disabled')`),
    index('people_department_idx').on(t.departmentId),
    index('people_name_idx').on(t.name),
  ],
);

export const personRoles = pgTable(
  'person_roles',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** Role scope: `{departmentIds}` for approver, `{gateIds}` for guard, `{skills}` for technician. */
    scope: jsonb('scope').notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.role] }),
    check(
      'person_roles_role_valid',
      sql`${t.role} IN ('staff','approver','admin','guard','canteen_staff','driver','fleet_manager','technician','meeting_service')`,
    ),
  ],
);

export const wechatBindings = pgTable('wechat_bindings', {
  openid: text('openid').primaryKey(),
  personId: uuid('person_id')
    .notNull()
    .unique()
    .references(() => people.id, { onDelete: 'cascade' }),
  unionid: text('unionid'),
  boundAt: timestamp('bound_at', { withTimezone: true }).notNull().defaultNow(),
});

export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    client: text('client').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('auth_sessions_person_idx').on(t.personId)],
);

export const authRefreshTokens = pgTable(
  'auth_refresh_tokens',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => authSessions.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('auth_refresh_tokens_session_idx').on(t.sessionId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind', { enum: ['person', 'anonymous', 'system', 'device'] }).notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    client: text('client').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_at_idx').on(t.at),
  ],
);

export const gates = pgTable(
  'gates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['pedestrian', 'vehicle', 'both'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('gates_kind_valid', sql`${t.kind} IN ('pedestrian','vehicle','both')`)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    floors: integer('floors').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('buildings_floors_positive', sql`${t.floors} > 0`)],
);

/** Gates through which visitors reach a building: the zones of a meeting guest's pass. */
export const buildingEntrances = pgTable(
  'building_entrances',
  {
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id, { onDelete: 'cascade' }),
    gateId: uuid('gate_id')
      .notNull()
      .references(() => gates.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.buildingId, t.gateId] })],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    floor: integer('floor').notNull(),
    kind: text('kind', { enum: ['office', 'meeting', 'canteen', 'service'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('rooms_building_code_unique').on(t.buildingId, t.code),
    check('rooms_kind_valid', sql`${t.kind} IN ('office','meeting','canteen','service')`),
  ],
);

/** One notification to one recipient: a person (it is in their inbox) or an outside phone number (SMS only). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    phoneEnc: text('phone_enc'),
    /** `p:<person id>` or `m:<phone hash>`: with the dedupe key, makes a repeated business event a no-op. */
    recipient: text('recipient').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    template: text('template').notNull(),
    category: text('category').notNull(),
    params: jsonb('params').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link').notNull(),
    urgency: text('urgency', { enum: ['normal', 'urgent'] }).notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    unique('notifications_recipient_dedupe').on(t.recipient, t.dedupeKey),
    check('notifications_has_recipient', sql`${t.personId} IS NOT NULL OR ${t.phoneEnc} IS NOT NULL`),
    check('notifications_urgency_valid', sql`${t.urgency} IN ('normal','urgent')`),
    index('notifications_inbox_idx').on(t.personId, t.createdAt),
  ],
);

/** The outbox: one row per notification and push channel, written in the business transaction. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['realtime', 'subscribe', 'sms'] }).notNull(),
    status: text('status', { enum: ['pending', 'queued', 'sending', 'retry', 'sent', 'skipped', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`/`queued`: after this moment the row is presumed abandoned (a crashed worker) and is due again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    unique('notification_deliveries_once_per_channel').on(t.notificationId, t.channel),
    check('notification_deliveries_channel_valid', sql`${t.channel} IN ('realtime','subscribe','sms')`),
    check(
      'notification_deliveries_status_valid',
      sql`${t.status} IN ('pending','queued','sending','retry','sent','skipped','dead')`,
    ),
    index('notification_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

export const notificationPreferences = pgTable('notification_preferences', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  mutedCategories: jsonb('muted_categories').$type<string[]>().notNull().default([]),
  updatedAt: updatedAt(),
});

/** One-time WeChat subscribe credits: each accepted prompt allows one message of that template. */
export const subscribeCredits = pgTable(
  'subscribe_credits',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    templateKey: text('template_key').notNull(),
    credits: integer('credits').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.templateKey] }),
    check('subscribe_credits_not_negative', sql`${t.credits} >= 0`),
  ],
);

/** A QR scanner at a gate; it signs its requests with its own secret (stored encrypted). */
export const visitorsGateDevices = pgTable('visitors_gate_devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  gateId: uuid('gate_id')
    .notNull()
    .references(() => gates.id),
  secretEnc: text('secret_enc').notNull(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Every gate decision, allowed or denied, with who asked: the passage log guards and reports read. */
export const visitorsPassages = pgTable(
  'visitors_passages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    gateId: uuid('gate_id')
      .notNull()
      .references(() => gates.id),
    deviceId: uuid('device_id').references(() => visitorsGateDevices.id),
    guardId: uuid('guard_id').references(() => people.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    decision: text('decision', { enum: ['allow', 'deny'] }).notNull(),
    reason: text('reason'),
    personId: uuid('person_id').references(() => people.id),
    visitId: uuid('visit_id').references(() => visitorsVisits.id),
    display: text('display').notNull(),
    /** A guard's reason for letting someone in or out by hand. */
    note: text('note'),
  },
  (t) => [
    check('visitors_passages_direction_valid', sql`${t.direction} IN ('in','out')`),
    check('visitors_passages_decision_valid', sql`${t.decision} IN ('allow','deny')`),
    check('visitors_passages_one_source', sql`(${t.deviceId} IS NULL) <> (${t.guardId} IS NULL)`),
    check('visitors_passages_reason_iff_deny', sql`(${t.decision} = 'deny') = (${t.reason} IS NOT NULL)`),
    index('visitors_passages_gate_at_idx').on(t.gateId, t.at),
    index('visitors_passages_visit_idx').on(t.visitId),
  ],
);

/** Per-gate visitor policy: what a visit valid at this gate needs. Gates are the zones of a pass. */
export const visitorsZonePolicies = pgTable('visitors_zone_policies', {
  gateId: uuid('gate_id')
    .primaryKey()
    .references(() => gates.id, { onDelete: 'cascade' }),
  idNumberRequired: boolean('id_number_required').notNull().default(false),
  approverRequired: boolean('approver_required').notNull().default(false),
});

/** A host's public booking code (printed or shared); not a directory: it only reaches this host. */
export const visitorsBookingLinks = pgTable(
  'visitors_booking_links',
  {
    hostId: uuid('host_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    code: text('code').notNull().unique(),
    dailyCap: integer('daily_cap').notNull().default(3),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [check('visitors_booking_links_cap_range', sql`${t.dailyCap} BETWEEN 1 AND 20`)],
);

const visitStatuses = sql.raw(
  `'pending','approved','rejected','cancelled','expired','checked_in','checked_out','no_show'`,
);

/** One visitor on one day: the request, its decisions and the pass with its entry counter. */
export const visitorsVisits = pgTable(
  'visitors_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Visits created together (one invitation to several people or days). */
    groupId: uuid('group_id').notNull(),
    origin: text('origin', { enum: ['invitation', 'request', 'walk_in', 'meeting'] }).notNull(),
    status: text('status', {
      enum: [
        'pending',
        'approved',
        'rejected',
        'cancelled',
        'expired',
        'checked_in',
        'checked_out',
        'no_show',
      ],
    }).notNull(),
    awaiting: text('awaiting', { enum: ['host', 'approver'] }),
    hostId: uuid('host_id')
      .notNull()
      .references(() => people.id),
    /** The host's department when the visit was made: whose approvers decide the second step. */
    departmentId: uuid('department_id').references(() => departments.id),
    createdBy: uuid('created_by').references(() => people.id),
    visitorName: text('visitor_name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    company: text('company'),
    plate: text('plate'),
    purpose: text('purpose').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    gateIds: uuid('gate_ids').array().notNull(),
    idNumberRequired: boolean('id_number_required').notNull().default(false),
    maxEntries: integer('max_entries').notNull().default(1),
    entriesUsed: integer('entries_used').notNull().default(0),
    inside: boolean('inside').notNull().default(false),
    privacyAcceptedAt: timestamp('privacy_accepted_at', { withTimezone: true }),
    /** SHA-256 of the token in the visitor's SMS link. */
    linkTokenHash: text('link_token_hash'),
    requestExpiresAt: timestamp('request_expires_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => people.id),
    decisionNote: text('decision_note'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /** 会议一件事: the meeting guest this pass was issued to (origin `meeting`); it moves and ends with the booking. */
    meetingGuestId: uuid('meeting_guest_id')
      .unique('visitors_visits_one_per_meeting_guest')
      .references((): AnyPgColumn => meetingRoomsGuests.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('visitors_visits_status_valid', sql`${t.status} IN (${visitStatuses})`),
    check('visitors_visits_origin_valid', sql`${t.origin} IN ('invitation','request','walk_in','meeting')`),
    check(
      'visitors_visits_meeting_iff_origin',
      sql`(${t.origin} = 'meeting') = (${t.meetingGuestId} IS NOT NULL)`,
    ),
    check(
      'visitors_visits_awaiting_iff_pending',
      sql`(${t.status} = 'pending') = (${t.awaiting} IS NOT NULL)`,
    ),
    check('visitors_visits_window_order', sql`${t.windowEnd} > ${t.windowStart}`),
    check('visitors_visits_entries_range', sql`${t.entriesUsed} BETWEEN 0 AND ${t.maxEntries}`),
    check('visitors_visits_max_entries_range', sql`${t.maxEntries} BETWEEN 1 AND 10`),
    check('visitors_visits_inside_only_checked_in', sql`NOT ${t.inside} OR ${t.status} = 'checked_in'`),
    check('visitors_visits_has_gates', sql`cardinality(${t.gateIds}) > 0`),
    index('visitors_visits_host_idx').on(t.hostId, t.windowStart),
    index('visitors_visits_phone_idx').on(t.phoneHash),
    index('visitors_visits_link_idx').on(t.linkTokenHash),
    index('visitors_visits_status_end_idx').on(t.status, t.windowEnd),
    index('visitors_visits_plate_idx').on(t.plate, t.windowStart),
    index('visitors_visits_window_idx').on(t.windowStart),
  ],
);

/** People not allowed in: matched by phone hash, ID-number hash or exact name/alias. */
export const visitorsBlockList = pgTable(
  'visitors_block_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    names: text('names')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'visitors_block_list_matches_something',
      sql`${t.phoneHash} IS NOT NULL OR ${t.idNumberHash} IS NOT NULL OR cardinality(${t.names}) > 0`,
    ),
    index('visitors_block_list_phone_idx').on(t.phoneHash),
    index('visitors_block_list_id_idx').on(t.idNumberHash),
  ],
);

/** A room of the compound that can be booked for meetings, with its booking rules. */
export const meetingRoomsRooms = pgTable(
  'meeting_rooms_rooms',
  {
    roomId: uuid('room_id')
      .primaryKey()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    capacity: integer('capacity').notNull(),
    equipment: text('equipment')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    restricted: boolean('restricted').notNull().default(false),
    /** Daily open hours in minutes after midnight, China Standard Time. */
    openFromMinute: integer('open_from_minute').notNull(),
    openUntilMinute: integer('open_until_minute').notNull(),
    maxDurationMinutes: integer('max_duration_minutes').notNull(),
    maxDaysAhead: integer('max_days_ahead').notNull(),
    minNoticeMinutes: integer('min_notice_minutes').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('meeting_rooms_rooms_capacity_positive', sql`${t.capacity} > 0`),
    check(
      'meeting_rooms_rooms_open_hours',
      sql`0 <= ${t.openFromMinute} AND ${t.openFromMinute} < ${t.openUntilMinute} AND ${t.openUntilMinute} <= 1440`,
    ),
    check(
      'meeting_rooms_rooms_limits',
      sql`${t.maxDurationMinutes} > 0 AND ${t.maxDaysAhead} >= 0 AND ${t.minNoticeMinutes} >= 0`,
    ),
  ],
);

/** A period a room cannot be booked. */
export const meetingRoomsClosures = pgTable(
  'meeting_rooms_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => meetingRoomsRooms.roomId, { onDelete: 'cascade' }),
    during: tstzrange('during').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'meeting_rooms_closures_bounded',
      sql`NOT isempty(${t.during}) AND NOT lower_inf(${t.during}) AND NOT upper_inf(${t.during})`,
    ),
    index('meeting_rooms_closures_room_idx').on(t.roomId),
  ],
);

/** A recurring booking: the rule it was made from; its occurrences are ordinary bookings pointing here. */
export const meetingRoomsSeries = pgTable(
  'meeting_rooms_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => meetingRoomsRooms.roomId),
    organizerId: uuid('organizer_id')
      .notNull()
      .references(() => people.id),
    title: text('title').notNull(),
    frequency: text('frequency', { enum: ['daily', 'weekly'] }).notNull(),
    /** ISO weekdays (1 = Monday), weekly only. */
    weekdays: integer('weekdays')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** China days, `YYYY-MM-DD`; times `HH:mm` China time. */
    firstDate: text('first_date').notNull(),
    lastDate: text('last_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    /** Occurrences released because nobody checked in; the sweeper flags, then cancels, the series. */
    noShows: integer('no_shows').notNull().default(0),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }),
    /** Set once when the no-shows cancelled the future occurrences. */
    autoCancelledAt: timestamp('auto_cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('meeting_rooms_series_frequency_valid', sql`${t.frequency} IN ('daily','weekly')`),
    index('meeting_rooms_series_organizer_idx').on(t.organizerId),
  ],
);

/**
 * A booking of one room for `[start, end)`. `meeting_rooms_bookings_no_overlap` (EXCLUDE USING gist, in a
 * hand-written migration) refuses two slot-holding bookings of one room that overlap.
 */
export const meetingRoomsBookings = pgTable(
  'meeting_rooms_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => meetingRoomsRooms.roomId),
    organizerId: uuid('organizer_id')
      .notNull()
      .references(() => people.id),
    /** The organizer's department when booked: whose approvers will decide restricted rooms. */
    departmentId: uuid('department_id').references(() => departments.id),
    title: text('title').notNull(),
    during: tstzrange('during').notNull(),
    status: text('status', {
      enum: ['pending', 'booked', 'checked_in', 'cancelled', 'rejected', 'expired', 'released'],
    }).notNull(),
    services: text('services')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    cancelledBy: uuid('cancelled_by').references(() => people.id),
    /** Set while pending: undecided by then, the sweeper releases the slot. */
    approvalDeadline: timestamp('approval_deadline', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => people.id),
    decisionNote: text('decision_note'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** Set for the occurrences of a recurring series. */
    seriesId: uuid('series_id').references(() => meetingRoomsSeries.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'meeting_rooms_bookings_status_valid',
      sql`${t.status} IN ('pending','booked','checked_in','cancelled','rejected','expired','released')`,
    ),
    check(
      'meeting_rooms_bookings_deadline_when_pending',
      sql`${t.status} <> 'pending' OR ${t.approvalDeadline} IS NOT NULL`,
    ),
    check(
      'meeting_rooms_bookings_bounded',
      sql`NOT isempty(${t.during}) AND NOT lower_inf(${t.during}) AND NOT upper_inf(${t.during})`,
    ),
    index('meeting_rooms_bookings_organizer_idx').on(t.organizerId),
    index('meeting_rooms_bookings_status_idx').on(t.status),
    index('meeting_rooms_bookings_series_idx').on(t.seriesId),
  ],
);

/** Staff invited to a booking. */
export const meetingRoomsAttendees = pgTable(
  'meeting_rooms_attendees',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => meetingRoomsBookings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.bookingId, t.personId] }),
    index('meeting_rooms_attendees_person_idx').on(t.personId),
  ],
);

/** External guests of a booking; the phone is encrypted, with a keyed hash for matching, until erased. */
export const meetingRoomsGuests = pgTable(
  'meeting_rooms_guests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => meetingRoomsBookings.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    company: text('company'),
    /** Set when the retention period after the meeting erased name, phone and company. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'meeting_rooms_guests_phone_until_erased',
      sql`(${t.erasedAt} IS NULL) = (${t.phoneEnc} IS NOT NULL AND ${t.phoneHash} IS NOT NULL)`,
    ),
    index('meeting_rooms_guests_booking_idx').on(t.bookingId),
    index('meeting_rooms_guests_phone_idx').on(t.phoneHash),
  ],
);

/** A service (tea, AV…) one booking asked for: a task in the meeting_service queue. */
export const meetingRoomsServiceTasks = pgTable(
  'meeting_rooms_service_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => meetingRoomsBookings.id, { onDelete: 'cascade' }),
    service: text('service', { enum: ['tea', 'water', 'av', 'name_cards'] }).notNull(),
    status: text('status', { enum: ['open', 'accepted', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    acceptedBy: uuid('accepted_by').references(() => people.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('meeting_rooms_service_tasks_once').on(t.bookingId, t.service),
    check(
      'meeting_rooms_service_tasks_service_valid',
      sql`${t.service} IN ('tea','water','av','name_cards')`,
    ),
    check(
      'meeting_rooms_service_tasks_status_valid',
      sql`${t.status} IN ('open','accepted','done','cancelled')`,
    ),
    check(
      'meeting_rooms_service_tasks_accepted',
      sql`${t.status} NOT IN ('accepted','done') OR ${t.acceptedBy} IS NOT NULL`,
    ),
    check('meeting_rooms_service_tasks_done_at', sql`(${t.status} = 'done') = (${t.doneAt} IS NOT NULL)`),
  ],
);
