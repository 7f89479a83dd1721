import { Module } from '@nestjs/common';
import { ApprovalsService } from './approvals.service.js';
import { BookingEffects } from './booking-effects.service.js';
import { BookingLifecycleService } from './booking-lifecycle.service.js';
import { BookingsController } from './bookings.controller.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';
import { MeetingRoomsClock } from './clock.js';
import { DoorCodeController } from './door-code.controller.js';
import { DoorCodeService } from './door-code.service.js';
import { LifecycleController } from './lifecycle.controller.js';
import { MeetingPartiesRepository } from './meeting-parties.repository.js';
import { MeetingRoomsSweeper } from './meeting-rooms-sweeper.js';
import { OccurrenceMoveService } from './occurrence-move.service.js';
import { RoomStatsController } from './room-stats.controller.js';
import { RoomStatsRepository } from './room-stats.repository.js';
import { RoomStatsService } from './room-stats.service.js';
import { RoomsController } from './rooms.controller.js';
import { RoomsRepository } from './rooms.repository.js';
import { RoomsService } from './rooms.service.js';
import { SeriesController } from './series.controller.js';
import { SeriesNoShows } from './series-no-shows.js';
import { SeriesRepository } from './series.repository.js';
import { SeriesService } from './series.service.js';
import { ServiceTasksController } from './service-tasks.controller.js';
import { ServiceTasksRepository } from './service-tasks.repository.js';
import { ServiceTasksService } from './service-tasks.service.js';

@Module({
  controllers: [
    RoomsController,
    BookingsController,
    LifecycleController,
    SeriesController,
    ServiceTasksController,
    RoomStatsController,
    DoorCodeController,
  ],
  providers: [
    MeetingRoomsClock,
    RoomsRepository,
    RoomsService,
    BookingsRepository,
    BookingsService,
    ApprovalsService,
    BookingLifecycleService,
    SeriesRepository,
    SeriesService,
    SeriesNoShows,
    OccurrenceMoveService,
    MeetingRoomsSweeper,
    ServiceTasksRepository,
    ServiceTasksService,
    RoomStatsRepository,
    RoomStatsService,
    DoorCodeService,
    MeetingPartiesRepository,
    BookingEffects,
  ],
})
export class MeetingRoomsModule {}
