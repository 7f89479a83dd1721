import {
  type Closure,
  type MeetingRoom,
  meetingRoomRoutes as r,
  type ParsedBody,
  type ParsedQuery,
} from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import type { Tx } from '../platform/db/client.js';
import { pgError } from '../platform/db/client.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { BookingsRepository } from './bookings.repository.js';
import { closureView, minuteOfDay, roomView } from './room-view.js';
import { type RoomPlace, type RoomSettings, RoomsRepository } from './rooms.repository.js';
import { rangeLabel } from './slot-time.js';

type RoomBody = ParsedBody<typeof r.create>;

/** The room catalogue: what staff search, what admins keep. */
@Injectable()
export class RoomsService {
  constructor(
    private readonly repo: RoomsRepository,
    private readonly bookings: BookingsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(q: ParsedQuery<typeof r.list>) {
    return { items: (await this.repo.list(q)).map(roomView) };
  }

  async get(id: string) {
    const row = await this.repo.find(id);
    if (!row) throw new AppError('MEETING_ROOMS_NOT_FOUND');
    const closures = await this.repo.closuresOf(id, new Date());
    return { ...roomView(row), closures: closures.map(closureView) };
  }

  async create(ctx: AuthedCtx, body: RoomBody): Promise<MeetingRoom> {
    const place = await this.placeOf(body);
    const id = await this.save(async (tx) => {
      const roomId = await this.repo.insert(tx, place, settingsOf(body));
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.room.created',
        entityType: 'meeting_rooms_room',
        entityId: roomId,
        details: { ...body },
      });
      return roomId;
    });
    return roomView((await this.repo.find(id))!);
  }

  async update(ctx: AuthedCtx, id: string, body: RoomBody): Promise<MeetingRoom> {
    if (!(await this.repo.find(id))) throw new AppError('MEETING_ROOMS_NOT_FOUND');
    const place = await this.placeOf(body);
    await this.save(async (tx) => {
      await this.repo.update(tx, id, place, settingsOf(body));
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.room.updated',
        entityType: 'meeting_rooms_room',
        entityId: id,
        details: { ...body },
      });
    });
    return roomView((await this.repo.find(id))!);
  }

  async addClosure(ctx: AuthedCtx, roomId: string, body: ParsedBody<typeof r.addClosure>): Promise<Closure> {
    const start = new Date(body.start);
    const end = new Date(body.end);
    const closure = await this.repo.transaction(async (tx) => {
      if (!(await this.repo.find(roomId, tx))) throw new AppError('MEETING_ROOMS_NOT_FOUND');
      // The booking lock: no booking can slip into the period between this check and the insert.
      await this.repo.lockCalendar(tx, roomId);
      const held = await this.bookings.holding([roomId], start, end, tx);
      if (held.length > 0) {
        throw new AppError(
          'MEETING_ROOMS_CLOSURE_CONFLICT',
          held.slice(0, 10).map(({ booking: b, organizerName }) => ({
            path: 'body',
            issue: `${rangeLabel(b.during.start, b.during.end)}「${b.title}」（${organizerName}）`,
          })),
        );
      }
      const row = await this.repo.insertClosure(tx, {
        roomId,
        during: { start, end },
        reason: body.reason,
        createdBy: ctx.principal.personId,
      });
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.closure.added',
        entityType: 'meeting_rooms_room',
        entityId: roomId,
        details: { closureId: row.id, start: body.start, end: body.end, reason: body.reason },
      });
      return row;
    });
    return closureView(closure);
  }

  async removeClosure(ctx: AuthedCtx, id: string) {
    await this.repo.transaction(async (tx) => {
      const row = await this.repo.removeClosure(tx, id);
      if (!row) throw new AppError('MEETING_ROOMS_CLOSURE_NOT_FOUND');
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.closure.removed',
        entityType: 'meeting_rooms_room',
        entityId: row.roomId,
        details: { closureId: id, reason: row.reason },
      });
    });
    return { ok: true as const };
  }

  private async placeOf(body: RoomBody): Promise<RoomPlace> {
    const building = await this.repo.building(body.buildingId);
    if (!building) {
      throw new AppError('MEETING_ROOMS_BUILDING_NOT_FOUND', [
        { path: 'body.buildingId', issue: '楼宇不存在' },
      ]);
    }
    if (body.floor > building.floors) {
      throw new AppError('MEETING_ROOMS_FLOOR_INVALID', [
        { path: 'body.floor', issue: `${building.name}共 ${building.floors} 层` },
      ]);
    }
    return { buildingId: body.buildingId, floor: body.floor, code: body.code.toUpperCase(), name: body.name };
  }

  /** A room number already used in the building is a coded conflict, not a 500. */
  private async save<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.repo.transaction(work);
    } catch (err) {
      if (pgError(err).constraint === 'rooms_building_code_unique') {
        throw new AppError('MEETING_ROOMS_CODE_TAKEN', [{ path: 'body.code', issue: '该楼已有此房间号' }]);
      }
      throw err;
    }
  }
}

function settingsOf(body: RoomBody): RoomSettings {
  return {
    capacity: body.capacity,
    equipment: [...new Set(body.equipment)],
    restricted: body.restricted,
    openFromMinute: minuteOfDay(body.openFrom),
    openUntilMinute: minuteOfDay(body.openUntil),
    maxDurationMinutes: body.maxDurationMinutes,
    maxDaysAhead: body.maxDaysAhead,
    minNoticeMinutes: body.minNoticeMinutes,
  };
}
