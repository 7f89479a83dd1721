import { ROOM_PAGE, roomScene } from '@dayuan/shared';
import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../platform/http/app-error.js';
import { WechatClient, WechatError, WechatUnavailableError } from '../platform/wechat/wechat.client.js';
import { RoomsRepository } from './rooms.repository.js';

/** The mini-program code printed at a room's door: it opens the room page, where people check in. */
@Injectable()
export class DoorCodeService {
  private readonly logger = new Logger(DoorCodeService.name);

  constructor(
    private readonly rooms: RoomsRepository,
    private readonly wechat: WechatClient,
  ) {}

  async doorCode(roomId: string) {
    if (!(await this.rooms.find(roomId))) throw new AppError('MEETING_ROOMS_NOT_FOUND');
    const scene = roomScene(roomId);
    let png: Buffer;
    try {
      png = await this.wechat.getUnlimitedWxaCode({ scene, page: ROOM_PAGE });
    } catch (err) {
      if (!(err instanceof WechatError || err instanceof WechatUnavailableError)) throw err;
      this.logger.error(`door code for room ${roomId} failed: ${err.message}`);
      throw new AppError('UPSTREAM_UNAVAILABLE');
    }
    return { page: ROOM_PAGE, scene, image: `data:image/png;base64,${png.toString('base64')}` };
  }
}
