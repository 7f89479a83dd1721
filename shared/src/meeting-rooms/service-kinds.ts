import { z } from 'zod';

/** What a meeting can ask the meeting service team for. */
export const MeetingService = z.enum(['tea', 'water', 'av', 'name_cards']);
export type MeetingService = z.infer<typeof MeetingService>;

export const meetingServiceLabels: Record<MeetingService, string> = {
  tea: '茶水',
  water: '饮用水',
  av: '音视频保障',
  name_cards: '桌牌',
};
