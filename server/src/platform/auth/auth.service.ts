import { randomBytes } from 'node:crypto';
import { appsForRoles, maskPhone, type Me, type Session, type WechatLoginResult } from '@dayuan/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Tx } from '../db/client.js';
import { PersonalDataCipher } from '../crypto/personal-data.js';
import { DirectoryService } from '../directory/directory.service.js';
import { AppError } from '../http/app-error.js';
import type { Principal, RequestCtx } from '../http/request-context.js';
import { SHARED_STATE, type SharedState } from '../kv/kv.js';
import { SmsClient } from '../sms/sms.client.js';
import { WechatClient, WechatError, WechatUnavailableError } from '../wechat/wechat.client.js';
import { AccessTokens } from './access-token.js';
import { AuthRepository, type PersonRef } from './auth.repository.js';
import { SMS_COOLDOWN, SmsCodes } from './sms-codes.js';

const BIND_TICKET_TTL = 10 * 60;
const SESSION_KEY_TTL = 3 * 24 * 3600;

interface BindTicket {
  openid: string;
  unionid?: string;
}

const wechatLoginErrors: Record<number, ConstructorParameters<typeof AppError>[0]> = {
  40029: 'AUTH_LOGIN_CODE_INVALID',
  40163: 'AUTH_LOGIN_CODE_USED',
  40226: 'AUTH_LOGIN_BLOCKED',
  45011: 'RATE_LIMITED',
};

const randomToken = () => randomBytes(32).toString('base64url');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly accessTokens: AccessTokens;
  private readonly cipher: PersonalDataCipher;
  private readonly smsCodes: SmsCodes;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SHARED_STATE) private readonly state: SharedState,
    private readonly repo: AuthRepository,
    private readonly audit: AuditRepository,
    private readonly wechat: WechatClient,
    sms: SmsClient,
    private readonly directory: DirectoryService,
  ) {
    this.accessTokens = new AccessTokens(config.JWT_SECRET, config.ACCESS_TOKEN_TTL_SECONDS);
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
    this.smsCodes = new SmsCodes(
      'auth',
      { cooldown: 'AUTH_SMS_COOLDOWN', invalid: 'AUTH_SMS_CODE_INVALID', locked: 'AUTH_SMS_CODE_LOCKED' },
      state,
      sms,
      config,
    );
  }

  async wechatLogin(ctx: RequestCtx, code: string): Promise<WechatLoginResult> {
    const session = await this.code2Session(code);
    await this.state.kv.set(`wx:session-key:${session.openid}`, session.sessionKey, SESSION_KEY_TTL);
    const person = await this.repo.personByOpenid(session.openid);
    if (person) return { status: 'ok', session: await this.signIn(ctx, person, 'auth.login.wechat') };

    const bindTicket = randomToken();
    const ticket: BindTicket = { openid: session.openid, unionid: session.unionid };
    await this.state.kv.set(`auth:bind:${bindTicket}`, JSON.stringify(ticket), BIND_TICKET_TTL);
    return {
      status: 'bind_required',
      bindTicket,
      expiresAt: new Date(Date.now() + BIND_TICKET_TTL * 1000).toISOString(),
    };
  }

  async bindByPhone(ctx: RequestCtx, bindTicket: string, phoneCode: string): Promise<Session> {
    const ticket = await this.readTicket(bindTicket);
    let phone: string;
    try {
      phone = (await this.wechat.getPhoneNumber(phoneCode, ticket.openid)).phone;
    } catch (err) {
      if (err instanceof WechatError && err.errcode === 40029) throw new AppError('AUTH_PHONE_CODE_INVALID');
      throw this.upstream(err);
    }
    const person = await this.repo.personByPhoneHash(this.cipher.hash('phone', phone));
    if (!person) throw new AppError('AUTH_PERSON_NOT_FOUND');
    return this.bindAndSignIn(ctx, bindTicket, ticket, person, 'phone');
  }

  async sendSmsCode(ctx: RequestCtx, bindTicket: string, employeeNo: string) {
    await this.readTicket(bindTicket);
    const person = await this.activePersonByEmployeeNo(employeeNo);
    const phone = this.cipher.decrypt(person.phoneEnc);
    await this.smsCodes.send(person.id, phone);
    await this.repo.transaction((tx) =>
      this.audit.record(tx, ctx, { action: 'auth.sms_code.sent', entityType: 'person', entityId: person.id }),
    );
    return { phoneMasked: maskPhone(phone), resendAfterSeconds: SMS_COOLDOWN };
  }

  async bindBySms(
    ctx: RequestCtx,
    bindTicket: string,
    employeeNo: string,
    smsCode: string,
  ): Promise<Session> {
    const ticket = await this.readTicket(bindTicket);
    const person = await this.activePersonByEmployeeNo(employeeNo);
    await this.smsCodes.consume(person.id, smsCode);
    return this.bindAndSignIn(ctx, bindTicket, ticket, person, 'sms');
  }

  async refresh(ctx: RequestCtx, refreshToken: string) {
    const outcome = await this.repo.transaction(async (tx) => {
      const consumed = await this.repo.consumeRefreshToken(tx, refreshToken);
      if (!consumed) {
        const replayedSession = await this.repo.sessionOfUsedRefreshToken(tx, refreshToken);
        if (replayedSession && (await this.repo.revokeSession(tx, replayedSession, 'refresh_token_reuse'))) {
          await this.audit.record(tx, ctx, {
            action: 'auth.session.revoked',
            entityType: 'session',
            entityId: replayedSession,
            details: { reason: 'refresh_token_reuse' },
          });
        }
        return { ok: false as const };
      }
      const principal = await this.repo.sessionPrincipal(consumed.sessionId, tx);
      if (!principal || principal.revokedAt) return { ok: false as const };
      if (principal.status !== 'active') return { ok: false as const, disabled: true };
      const next = randomToken();
      const expiresAt = this.refreshExpiry();
      await this.repo.addRefreshToken(tx, consumed.sessionId, next, expiresAt);
      await this.audit.record(tx, ctx, {
        action: 'auth.token.refreshed',
        entityType: 'session',
        entityId: consumed.sessionId,
        actorId: principal.personId,
      });
      return {
        ok: true as const,
        sessionId: consumed.sessionId,
        personId: principal.personId,
        next,
        expiresAt,
      };
    });
    if (!outcome.ok) throw new AppError(outcome.disabled ? 'AUTH_PERSON_DISABLED' : 'AUTH_REFRESH_INVALID');
    const access = this.accessTokens.issue(outcome.personId, outcome.sessionId);
    return {
      tokens: {
        accessToken: access.token,
        accessTokenExpiresAt: access.expiresAt.toISOString(),
        refreshToken: outcome.next,
        refreshTokenExpiresAt: outcome.expiresAt.toISOString(),
      },
    };
  }

  async logout(ctx: RequestCtx & { principal: Principal }) {
    await this.repo.transaction(async (tx) => {
      await this.repo.revokeSession(tx, ctx.principal.sessionId, 'logout');
      await this.audit.record(tx, ctx, {
        action: 'auth.logout',
        entityType: 'session',
        entityId: ctx.principal.sessionId,
      });
    });
    return { ok: true as const };
  }

  /** Bearer header → the principal, or the reason it is refused. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AppError('AUTH_REQUIRED');
    const { personId, sessionId } = this.accessTokens.verify(match[1]!);
    const row = await this.repo.sessionPrincipal(sessionId);
    if (!row || row.personId !== personId) throw new AppError('AUTH_TOKEN_INVALID');
    if (row.revokedAt) throw new AppError('AUTH_SESSION_REVOKED');
    if (row.status !== 'active') throw new AppError('AUTH_PERSON_DISABLED');
    return { personId, sessionId, name: row.name, departmentId: row.departmentId, roles: row.roles };
  }

  async me(personId: string): Promise<Me> {
    const person = await this.directory.person(personId);
    return { ...person, apps: appsForRoles(person.roles.map((g) => g.role)).map((a) => a.slug) };
  }

  private async code2Session(code: string) {
    try {
      return await this.wechat.code2Session(code);
    } catch (err) {
      const mapped = err instanceof WechatError ? wechatLoginErrors[err.errcode] : undefined;
      if (mapped) throw new AppError(mapped);
      throw this.upstream(err);
    }
  }

  private upstream(err: unknown): AppError {
    if (err instanceof WechatError || err instanceof WechatUnavailableError) {
      this.logger.error(`wechat call failed: ${err.message}`);
      return new AppError('UPSTREAM_UNAVAILABLE');
    }
    throw err;
  }

  private async readTicket(bindTicket: string): Promise<BindTicket> {
    const raw = await this.state.kv.get(`auth:bind:${bindTicket}`);
    if (!raw) throw new AppError('AUTH_BIND_TICKET_INVALID');
    return JSON.parse(raw) as BindTicket;
  }

  private async activePersonByEmployeeNo(employeeNo: string) {
    const person = await this.repo.personByEmployeeNo(employeeNo);
    if (!person) throw new AppError('AUTH_PERSON_NOT_FOUND');
    if (person.status !== 'active') throw new AppError('AUTH_PERSON_DISABLED');
    return person;
  }

  private async bindAndSignIn(
    ctx: RequestCtx,
    bindTicket: string,
    ticket: BindTicket,
    person: PersonRef,
    method: 'phone' | 'sms',
  ): Promise<Session> {
    if (person.status !== 'active') throw new AppError('AUTH_PERSON_DISABLED');
    // The ticket is single use: a second bind with it fails.
    if ((await this.state.kv.take(`auth:bind:${bindTicket}`)) === null) {
      throw new AppError('AUTH_BIND_TICKET_INVALID');
    }
    return this.signIn(ctx, person, `auth.bind.${method}`, async (tx) => {
      const replaced = await this.repo.bindOpenid(tx, person.id, ticket.openid, ticket.unionid);
      await this.audit.record(tx, ctx, {
        action: 'auth.wechat.bound',
        entityType: 'person',
        entityId: person.id,
        actorId: person.id,
        details: { method, replacedBinding: replaced !== null },
      });
    });
  }

  /** Creates the session and its first refresh token in one transaction (with any binding work), then signs. */
  private async signIn(
    ctx: RequestCtx,
    person: PersonRef,
    action: string,
    before?: (tx: Tx) => Promise<void>,
  ): Promise<Session> {
    if (person.status !== 'active') throw new AppError('AUTH_PERSON_DISABLED');
    const refreshToken = randomToken();
    const refreshExpiresAt = this.refreshExpiry();
    const sessionId = await this.repo.transaction(async (tx) => {
      await before?.(tx);
      const id = await this.repo.createSession(tx, person.id, ctx.client);
      await this.repo.addRefreshToken(tx, id, refreshToken, refreshExpiresAt);
      await this.audit.record(tx, ctx, { action, entityType: 'session', entityId: id, actorId: person.id });
      return id;
    });
    const access = this.accessTokens.issue(person.id, sessionId);
    return {
      tokens: {
        accessToken: access.token,
        accessTokenExpiresAt: access.expiresAt.toISOString(),
        refreshToken,
        refreshTokenExpiresAt: refreshExpiresAt.toISOString(),
      },
      me: await this.me(person.id),
    };
  }

  private refreshExpiry() {
    return new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  }
}
