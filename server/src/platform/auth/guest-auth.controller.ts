import { guestRoutes, type ParsedBody } from '@dayuan/shared';
import { Body, Controller } from '@nestjs/common';
import { Endpoint, RateLimit } from '../http/endpoint.js';
import { GuestAuthService } from './guest-auth.service.js';

@Controller()
export class GuestAuthController {
  constructor(private readonly guests: GuestAuthService) {}

  @Endpoint(guestRoutes.smsCode)
  @RateLimit({ name: 'guest-sms', limit: 5, windowSeconds: 300 })
  smsCode(@Body() body: ParsedBody<typeof guestRoutes.smsCode>) {
    return this.guests.sendCode(body.phone);
  }

  @Endpoint(guestRoutes.session)
  @RateLimit({ name: 'guest-session', limit: 20, windowSeconds: 60 })
  session(@Body() body: ParsedBody<typeof guestRoutes.session>) {
    return this.guests.signIn(body.phone, body.code);
  }
}
