import { meetingRoomRoutes as r } from '@dayuan/shared';
import { Controller, Param } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { DoorCodeService } from './door-code.service.js';

/** Door codes for admins to print. */
@Controller()
export class DoorCodeController {
  constructor(private readonly codes: DoorCodeService) {}

  @Endpoint(r.doorCode)
  doorCode(@Param('id') id: string) {
    return this.codes.doorCode(id);
  }
}
