import { Global, Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { SmsClient } from '../sms/sms.client.js';
import { WechatClient } from '../wechat/wechat.client.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { GuestAuthController } from './guest-auth.controller.js';
import { GuestAuthService } from './guest-auth.service.js';

// Global: the endpoint guard on every route needs AuthService.
@Global()
@Module({
  imports: [DirectoryModule],
  controllers: [AuthController, GuestAuthController],
  providers: [AuthService, GuestAuthService, AuthRepository, WechatClient, SmsClient],
  exports: [AuthService, GuestAuthService, WechatClient, SmsClient],
})
export class AuthModule {}
