import { demoLogins } from '@dayuan/mocks';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInPhone } from './support/browser';
import { cstToday } from './support/china-time';
import { chooseDate, chooseTime } from './support/picker';
import { demoPerson, stackForThisFile } from './support/stack';

const stack = stackForThisFile();

/** Tomorrow in China: far enough from "now" for any notice rule, whatever the hour the test runs at. */
const cstTomorrow = () => {
  const [y, m, d] = cstToday().split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
};

/** From the workbench to the meeting-rooms home, on tomorrow's grid of 会议中心. */
async function openMeetingCentre(page: Page, day: string): Promise<void> {
  await page.getByText('会议室', { exact: true }).click();
  const home = page.locator('.mr-home');
  await home.locator('.mr-home__buildings').getByText('会议中心', { exact: true }).click();
  await chooseDate(page, home.getByText(/^日期：/), day);
  await expect.poll(() => home.locator('.mr-home__date').textContent()).toBe(`日期：${day}`);
}

describe('meeting rooms', () => {
  it('staff finds a free room, books it with an attendee, a guest and tea, sees it in 我的预订, then cancels it', async () => {
    const staff = await signedInPhone(stack().url, demoPerson(demoLogins.staff).name);
    try {
      const { page } = staff;
      const day = cstTomorrow();
      await openMeetingCentre(page, day);

      // 空闲查询: tomorrow 10:00 for an hour, at least 20 people, with a projector.
      await page.getByText('空闲查询', { exact: true }).click();
      const finder = page.locator('.mr-finder');
      await chooseTime(page, finder.locator('.mr-finder__start'), '10:00');
      await finder.locator('input[placeholder="至少容纳人数（选填）"]').fill('20');
      await finder.getByText('投影仪', { exact: true }).click();
      await finder.getByText('查询空闲会议室').click();
      await finder.locator('.mr-finder__room', { hasText: '第三会议室' }).click();

      const book = page.locator('.mr-book');
      await book.getByText('第三会议室').first().waitFor();
      await expect
        .poll(() => book.locator('.mr-picker-value').allTextContents())
        .toEqual([`日期：${day}`, '10:00', '11:00']);
      await book.locator('input[placeholder="会议主题（不超过 50 字）"]').fill('档案数字化评审会');
      await book.locator('input[placeholder="输入参会人姓名搜索"]').fill('邓丽');
      await book.getByText('搜索', { exact: true }).click();
      await book.locator('.mr-candidate', { hasText: '邓丽' }).getByText('添加').click();
      await book.locator('.mr-attendee', { hasText: '邓丽' }).waitFor();
      await book.getByText('＋ 添加来宾').click();
      await book.locator('input[placeholder="来宾姓名"]').fill('钱来宾');
      await book.locator('input[placeholder="来宾手机号"]').fill('13911113333');
      await book.locator('input[placeholder="来宾单位（选填）"]').fill('省档案馆');
      await book.getByText('预订确认后，将为 1 位来宾办理会议当天的大院通行证，并以短信发送。').waitFor();
      await book.getByText('茶水', { exact: true }).click();
      await book.getByText('确认预订', { exact: true }).click();

      // The booking page: booked, the attendee, the guest and the tea.
      const detail = page.locator('.mr-detail');
      await detail.locator('.mr-detail__status', { hasText: '已预订' }).waitFor();
      await detail.getByText('档案数字化评审会').waitFor();
      await detail.locator('.mr-detail__attendees', { hasText: '邓丽' }).waitFor();
      await detail.locator('.mr-detail__guest', { hasText: '钱来宾' }).waitFor();
      await detail.locator('.mr-detail__services', { hasText: '茶水' }).waitFor();
      // The guest's visitor pass is issued with the booking.
      await expect
        .poll(() => detail.locator('.mr-detail__guest').textContent())
        .toMatch(/通行证：(?!预订确认后办理)/);

      // The meeting service team takes the tea task; the organizer sees who will serve.
      const service = await signedInPhone(stack().url, demoPerson(demoLogins.meeting_service).name);
      try {
        await service.page.getByText('会议室', { exact: true }).click();
        await service.page.locator('.mr-home').getByText('服务任务', { exact: true }).click();
        const tasks = service.page.locator('.mr-tasks');
        await chooseDate(service.page, tasks.getByText(/^日期：/), day);
        const task = tasks.locator('.mr-task', { hasText: '档案数字化评审会' });
        await task.getByText('待接单').waitFor();
        await task.getByText('接单', { exact: true }).click();
        await task.getByText(/已接单/).waitFor();
        expect(service.errors).toEqual([]);
      } finally {
        await service.close();
      }
      await page.reload();
      await detail
        .locator('.mr-detail__services', {
          hasText: `已接单 · ${demoPerson(demoLogins.meeting_service).name}`,
        })
        .waitFor();

      // 我的预订 lists it; from there, cancel it.
      await page.goBack();
      await page.locator('.mr-home').getByText('我的预订', { exact: true }).click();
      const mine = page.locator('.mr-mine');
      await mine.locator('.mr-booking-row', { hasText: '档案数字化评审会' }).click();
      await detail.getByText('取消预订', { exact: true }).click();
      await page.getByText('确认取消', { exact: true }).click();
      await detail.locator('.mr-detail__status', { hasText: '已取消' }).waitFor();
      await expect(detail.getByText('取消预订', { exact: true }).count()).resolves.toBe(0);
      expect(staff.errors).toEqual([]);
    } finally {
      await staff.close();
    }
  });

  it('a booking of 贵宾接待室 waits for the organizer’s approver, who approves it', async () => {
    const staff = await signedInPhone(stack().url, demoPerson(demoLogins.staff).name);
    const approver = await signedInPhone(stack().url, demoPerson(demoLogins.approver).name);
    try {
      const day = cstTomorrow();
      await openMeetingCentre(staff.page, day);
      // Tapping the room on the day grid proposes its first free hour.
      const row = staff.page.locator('.mr-home__room', { hasText: '贵宾接待室' });
      await row.locator('.mr-tag', { hasText: '需审批' }).waitFor();
      await row.locator('.mr-row__head').click();
      const book = staff.page.locator('.mr-book');
      await book.getByText('该会议室需审批，审批前时段为您保留。').waitFor();
      await book.locator('input[placeholder="会议主题（不超过 50 字）"]').fill('外宾接待');
      await book.getByText('提交审批', { exact: true }).click();
      const detail = staff.page.locator('.mr-detail');
      await detail.locator('.mr-detail__status', { hasText: '待审批' }).waitFor();

      const { page } = approver;
      await page.getByText('会议室', { exact: true }).click();
      await page.locator('.mr-home__badge', { hasText: '1' }).waitFor();
      await page.locator('.mr-home__shortcut', { hasText: '待我审批' }).click();
      const card = page.locator('.mr-approval', { hasText: '外宾接待' });
      await card.getByText(demoPerson(demoLogins.staff).name, { exact: false }).waitFor();
      await card.getByText('通过', { exact: true }).click();
      await page.getByText('暂无待审批的会议室预订').waitFor();

      await staff.page.reload();
      await detail.locator('.mr-detail__status', { hasText: '已预订' }).waitFor();

      // The room page, from the booking and from the door code (the room id without dashes as `scene`).
      await detail.locator('.mr-detail__room').click();
      const room = staff.page.locator('.mr-room');
      await room.getByText('今日安排').waitFor();
      await room.getByText(/^(立即预订 \d\d:\d\d–\d\d:\d\d|今天已无空闲时段)$/).waitFor();
      const roomId = /[?&]id=([0-9a-f-]{36})/.exec(staff.page.url())![1]!;
      await staff.page.goto(
        `${stack().url}/#/meeting-rooms/pages/room/index?scene=${roomId.replace(/-/g, '')}`,
      );
      await staff.page.reload();
      await room.locator('.card__title', { hasText: '贵宾接待室' }).waitFor();
      await room.getByText('今日安排').waitFor();
      expect(staff.errors).toEqual([]);
      expect(approver.errors).toEqual([]);
    } finally {
      await staff.close();
      await approver.close();
    }
  });

  it('an admin reads utilisation and no-shows per room for the last 30 days', async () => {
    const admin = await signedInPhone(stack().url, demoPerson(demoLogins.admin).name);
    try {
      const { page } = admin;
      await page.getByText('会议室', { exact: true }).click();
      await page.locator('.mr-home').getByText('使用统计', { exact: true }).click();
      const stats = page.locator('.mr-stats');
      await stats.locator('.mr-stats__total').getByText('使用率').waitFor();
      await stats.locator('.mr-stats__room', { hasText: '贵宾接待室' }).waitFor();
      const from = new Date(Date.parse(`${cstToday()}T00:00:00Z`) - 29 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(await stats.locator('.mr-picker-value').allTextContents()).toEqual([from, cstToday()]);
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }
  });

  it('an admin changes a room’s capacity, closes it for an hour and sees its door code', async () => {
    const admin = await signedInPhone(stack().url, demoPerson(demoLogins.admin).name);
    try {
      const { page } = admin;
      const day = cstTomorrow();
      await page.getByText('会议室', { exact: true }).click();
      await page.locator('.mr-home').getByText('会议室管理', { exact: true }).click();
      const list = page.locator('.mr-admin--list');
      const row = list.locator('.mr-admin__room', { hasText: '小会议室' });
      await row.getByText(/8 人/).waitFor();
      await row.click();

      // 规则: the capacity, saved with the room's other rules.
      const room = page.locator('.mr-admin--room');
      const capacity = room.locator('.mr-admin__capacity input');
      await expect.poll(() => capacity.inputValue()).toBe('8');
      await capacity.fill('0');
      await room.locator('.mr-admin__save').click();
      await room.getByText('容纳人数至少为 1').waitFor();
      await capacity.fill('12');
      await room.locator('.mr-admin__save').click();
      await expect.poll(() => room.getByText('容纳人数至少为 1').count()).toBe(0);
      await page.goBack();
      await row.getByText(/12 人/).waitFor();
      await row.click();

      // 停用: tomorrow 06:00–07:00, before the room opens, so no booking is in the way.
      await room.locator('.mr-admin__tab-closures').click();
      await room.getByText('暂无停用安排').waitFor();
      await chooseDate(page, room.locator('.mr-admin__closure-start-date'), day);
      await chooseTime(page, room.locator('.mr-admin__closure-start-time'), '06:00');
      await chooseDate(page, room.locator('.mr-admin__closure-end-date'), day);
      await chooseTime(page, room.locator('.mr-admin__closure-end-time'), '07:00');
      await room.locator('.mr-admin__closure-reason input').fill('空调检修');
      await room.locator('.mr-admin__closure-add').click();
      const closure = room.locator('.mr-admin__closure', { hasText: '空调检修' });
      await closure.getByText(/06:00–07:00/).waitFor();

      // 门牌码: the mini-program code as an image, with its caption (H5: no album, a hint instead).
      await room.locator('.mr-admin__tab-door').click();
      await room.getByText('扫码签到 / 预订').waitFor();
      await room.locator('.mr-admin__door-room', { hasText: '小会议室' }).waitFor();
      await expect
        .poll(() => room.locator('.mr-admin__door-image img').getAttribute('src'))
        .toMatch(/^data:image\/png;base64,/);
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
