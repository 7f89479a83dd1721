import { Injectable } from '@nestjs/common';

/** The time every booking decision reads; tests move it instead of waiting. */
@Injectable()
export class MeetingRoomsClock {
  now(): Date {
    return new Date();
  }
}
