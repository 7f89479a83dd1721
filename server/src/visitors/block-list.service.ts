import {
  type BlockEntry,
  blockListRoutes,
  maskIdNumber,
  maskPhone,
  type ParsedBody,
  type ParsedQuery,
} from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import type { Db, Tx } from '../platform/db/client.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { BlockListRepository, type BlockProbe } from './block-list.repository.js';
import { VisitsRepository } from './visits.repository.js';

/** The block list: kept by admins, consulted at request, approval and the gate. */
@Injectable()
export class BlockListService {
  private readonly cipher: PersonalDataCipher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: BlockListRepository,
    private readonly visits: VisitsRepository,
    private readonly audit: AuditRepository,
  ) {
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  probe(input: { phone?: string | null; idNumber?: string | null; name?: string | null }): BlockProbe {
    return {
      phoneHash: input.phone ? this.cipher.hash('phone', input.phone) : null,
      idNumberHash: input.idNumber ? this.cipher.hash('id_number', input.idNumber) : null,
      name: input.name ?? null,
    };
  }

  /** The matching entry, if any. */
  match(probe: BlockProbe, tx?: Db | Tx) {
    return this.repo.match(probe, tx);
  }

  async refuseBlocked(probe: BlockProbe, tx?: Db | Tx) {
    if (await this.repo.match(probe, tx)) throw new AppError('VISITORS_BLOCKED');
  }

  async list(query: ParsedQuery<typeof blockListRoutes.list>) {
    const { items, total } = await this.repo.page(query.page, query.pageSize);
    return {
      items: items.map((r) => this.view(r.entry, r.createdByName)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async add(ctx: AuthedCtx, body: ParsedBody<typeof blockListRoutes.add>): Promise<BlockEntry> {
    const names = [...new Set(body.names.map((n) => n.trim()))];
    if (!body.phone && !body.idNumber && names.length === 0) throw new AppError('VISITORS_BLOCK_ENTRY_EMPTY');
    const probe = this.probe(body);
    const row = await this.visits.transaction(async (tx) => {
      const entry = await this.repo.insert(tx, {
        phoneHash: probe.phoneHash,
        phoneMasked: body.phone ? maskPhone(body.phone) : null,
        idNumberHash: probe.idNumberHash,
        idNumberMasked: body.idNumber ? maskIdNumber(body.idNumber) : null,
        names,
        reason: body.reason,
        expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
        createdBy: ctx.principal.personId,
      });
      await this.audit.record(tx, ctx, {
        action: 'visitors.block_list.added',
        entityType: 'visitors_block_entry',
        entityId: entry.id,
        details: { reason: body.reason, names: names.length, phone: !!body.phone, idNumber: !!body.idNumber },
      });
      return entry;
    });
    return this.view(row, ctx.principal.name);
  }

  async remove(ctx: AuthedCtx, id: string) {
    await this.visits.transaction(async (tx) => {
      if (!(await this.repo.remove(tx, id))) throw new AppError('VISITORS_BLOCK_ENTRY_NOT_FOUND');
      await this.audit.record(tx, ctx, {
        action: 'visitors.block_list.removed',
        entityType: 'visitors_block_entry',
        entityId: id,
      });
    });
    return { ok: true as const };
  }

  private view(entry: Awaited<ReturnType<BlockListRepository['insert']>>, createdBy: string): BlockEntry {
    return {
      id: entry.id,
      phoneMasked: entry.phoneMasked,
      idNumberMasked: entry.idNumberMasked,
      names: entry.names,
      reason: entry.reason,
      expiresAt: entry.expiresAt?.toISOString() ?? null,
      createdBy,
      createdAt: entry.createdAt.toISOString(),
    };
  }
}
