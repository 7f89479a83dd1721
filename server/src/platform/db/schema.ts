import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  check,
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
