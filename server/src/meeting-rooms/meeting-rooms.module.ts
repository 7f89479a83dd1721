import { Module } from '@nestjs/common';
import { BookingsController } from './bookings.controller.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';
import { RoomsController } from './rooms.controller.js';
import { RoomsRepository } from './rooms.repository.js';
import { RoomsService } from './rooms.service.js';

@Module({
  controllers: [RoomsController, BookingsController],
  providers: [RoomsRepository, RoomsService, BookingsRepository, BookingsService],
})
export class MeetingRoomsModule {}
