import { createHash } from 'node:crypto';
import type { RoleGrant } from '@dayuan/shared';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { Injectable } from '@nestjs/common';
import { type Db, type Tx, rawRows } from '../db/client.js';
import { InjectDb } from '../db/db.module.js';
import { authRefreshTokens, authSessions, people, wechatBindings } from '../db/schema.js';
import { grantFromRow } from '../directory/role-rows.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface PersonRef {
  id: string;
  status: 'active' | 'disabled';
}

export interface SessionPrincipalRow {
  personId: string;
  name: string;
  departmentId: string | null;
  status: 'active' | 'disabled';
  revokedAt: Date | null;
  roles: RoleGrant[];
}

@Injectable()
export class AuthRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async personByOpenid(openid: string): Promise<PersonRef | undefined> {
    const [row] = await this.db
      .select({ id: people.id, status: people.status })
      .from(wechatBindings)
      .innerJoin(people, eq(people.id, wechatBindings.personId))
      .where(eq(wechatBindings.openid, openid));
    return row;
  }

  async personByPhoneHash(phoneHash: string): Promise<PersonRef | undefined> {
    const [row] = await this.db
      .select({ id: people.id, status: people.status })
      .from(people)
      .where(eq(people.phoneHash, phoneHash));
    return row;
  }

  async personByEmployeeNo(employeeNo: string): Promise<(PersonRef & { phoneEnc: string }) | undefined> {
    const [row] = await this.db
      .select({ id: people.id, status: people.status, phoneEnc: people.phoneEnc })
      .from(people)
      .where(eq(people.employeeNo, employeeNo));
    return row;
  }

  /** Binds `openid` to the person, replacing any earlier binding of either; returns the replaced openid. */
  async bindOpenid(tx: Tx, personId: string, openid: string, unionid?: string): Promise<string | null> {
    const [previous] = await tx
      .select({ openid: wechatBindings.openid })
      .from(wechatBindings)
      .where(eq(wechatBindings.personId, personId));
    await tx.delete(wechatBindings).where(eq(wechatBindings.personId, personId));
    await tx.delete(wechatBindings).where(eq(wechatBindings.openid, openid));
    await tx.insert(wechatBindings).values({ openid, personId, unionid: unionid ?? null });
    return previous && previous.openid !== openid ? previous.openid : null;
  }

  async createSession(tx: Tx, personId: string, client: string): Promise<string> {
    const [row] = await tx
      .insert(authSessions)
      .values({ personId, client })
      .returning({ id: authSessions.id });
    return row!.id;
  }

  async addRefreshToken(tx: Tx, sessionId: string, token: string, expiresAt: Date): Promise<void> {
    await tx.insert(authRefreshTokens).values({ sessionId, tokenHash: hashToken(token), expiresAt });
  }

  /**
   * Marks an unused, unexpired refresh token used — a conditional update, so of two concurrent
   * refreshes with the same token exactly one wins.
   */
  async consumeRefreshToken(tx: Tx, token: string): Promise<{ sessionId: string } | undefined> {
    const [row] = await tx
      .update(authRefreshTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(authRefreshTokens.tokenHash, hashToken(token)),
          isNull(authRefreshTokens.usedAt),
          gt(authRefreshTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ sessionId: authRefreshTokens.sessionId });
    return row;
  }

  /** The session of a refresh token that was already used: a replay, or a stolen token. */
  async sessionOfUsedRefreshToken(tx: Tx, token: string): Promise<string | undefined> {
    const [row] = await tx
      .select({ sessionId: authRefreshTokens.sessionId })
      .from(authRefreshTokens)
      .where(
        and(eq(authRefreshTokens.tokenHash, hashToken(token)), sql`${authRefreshTokens.usedAt} IS NOT NULL`),
      );
    return row?.sessionId;
  }

  async revokeSession(tx: Tx, sessionId: string, reason: string): Promise<boolean> {
    const rows = await tx
      .update(authSessions)
      .set({ revokedAt: sql`now()`, revokeReason: reason })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    return rows.length > 0;
  }

  /** Session state, person and roles in one round trip: what every authenticated request needs. */
  async sessionPrincipal(sessionId: string, db: Db | Tx = this.db): Promise<SessionPrincipalRow | undefined> {
    const [row] = await rawRows<{
      person_id: string;
      name: string;
      department_id: string | null;
      status: 'active' | 'disabled';
      revoked_at: string | Date | null;
      roles: { role: string; scope: Record<string, unknown> }[] | string;
    }>(
      db,
      sql`select p.id as person_id, p.name, p.department_id, p.status, s.revoked_at,
            coalesce((select json_agg(json_build_object('role', r.role, 'scope', r.scope))
                      from person_roles r where r.person_id = p.id), '[]'::json) as roles
          from auth_sessions s join people p on p.id = s.person_id
          where s.id = ${sessionId}`,
    );
    if (!row) return undefined;
    const roles = typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles;
    return {
      personId: row.person_id,
      name: row.name,
      departmentId: row.department_id,
      status: row.status,
      revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
      roles: (roles as { role: string; scope: Record<string, unknown> }[]).map(grantFromRow),
    };
  }
}
