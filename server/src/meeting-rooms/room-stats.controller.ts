import { type ParsedQuery, meetingRoomStatsRoutes as r } from '@dayuan/shared';
import { Controller, Query } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { RoomStatsService } from './room-stats.service.js';

/** Meeting-room statistics for admins. */
@Controller()
export class RoomStatsController {
  constructor(private readonly stats: RoomStatsService) {}

  @Endpoint(r.stats)
  get(@Query() query: ParsedQuery<typeof r.stats>) {
    return this.stats.stats(query);
  }
}
