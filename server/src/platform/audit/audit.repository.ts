import { Injectable } from '@nestjs/common';
import type { Db, Tx } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import type { RequestCtx } from '../http/request-context.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
  /** The actor when it is not the signed-in principal (e.g. the person who just signed in). */
  actorId?: string;
  /** `system` for scheduled jobs. */
  system?: boolean;
}

/** Writes audit records; always called with the transaction of the change it records. */
@Injectable()
export class AuditRepository {
  async record(tx: Db | Tx, ctx: RequestCtx, entry: AuditEntry): Promise<void> {
    const actorId = entry.actorId ?? ctx.principal?.personId ?? null;
    await tx.insert(auditLog).values({
      actorId,
      actorKind: entry.system ? 'system' : actorId ? 'person' : 'anonymous',
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      client: ctx.client,
      ip: ctx.ip,
      requestId: ctx.requestId,
      details: entry.details ?? {},
    });
  }
}
