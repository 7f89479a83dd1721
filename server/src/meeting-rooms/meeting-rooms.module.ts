import { Module } from '@nestjs/common';
import { ApprovalsService } from './approvals.service.js';
import { BookingLifecycleService } from './booking-lifecycle.service.js';
import { BookingsController } from './bookings.controller.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';
import { MeetingRoomsClock } from './clock.js';
import { LifecycleController } from './lifecycle.controller.js';
import { MeetingRoomsSweeper } from './meeting-rooms-sweeper.js';
import { RoomsController } from './rooms.controller.js';
import { RoomsRepository } from './rooms.repository.js';
import { RoomsService } from './rooms.service.js';

@Module({
  controllers: [RoomsController, BookingsController, LifecycleController],
  providers: [
    MeetingRoomsClock,
    RoomsRepository,
    RoomsService,
    BookingsRepository,
    BookingsService,
    ApprovalsService,
    BookingLifecycleService,
    MeetingRoomsSweeper,
  ],
})
export class MeetingRoomsModule {}
