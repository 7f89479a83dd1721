import { Module } from '@nestjs/common';
import { ApprovalsService } from './approvals.service.js';
import { BookingLifecycleService } from './booking-lifecycle.service.js';
import { BookingsController } from './bookings.controller.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';
import { MeetingRoomsClock } from './clock.js';
import { LifecycleController } from './lifecycle.controller.js';
import { MeetingRoomsSweeper } from './meeting-rooms-sweeper.js';
import { OccurrenceMoveService } from './occurrence-move.service.js';
import { RoomsController } from './rooms.controller.js';
import { RoomsRepository } from './rooms.repository.js';
import { RoomsService } from './rooms.service.js';
import { SeriesController } from './series.controller.js';
import { SeriesNoShows } from './series-no-shows.js';
import { SeriesRepository } from './series.repository.js';
import { SeriesService } from './series.service.js';
import { ServiceTasksRepository } from './service-tasks.repository.js';

@Module({
  controllers: [RoomsController, BookingsController, LifecycleController, SeriesController],
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
  ],
})
export class MeetingRoomsModule {}
