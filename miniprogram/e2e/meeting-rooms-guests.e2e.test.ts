import { demoLogins } from '@dayuan/mocks';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPhone, signedInPhone } from './support/browser';
import { cstToday } from './support/china-time';
import { demoPerson, lastSms, smsCodeFor, stackForThisFile } from './support/stack';
import { eastScanner, passToken } from './support/visitor-pass';

const stack = stackForThisFile();

const CST_OFFSET_MS = 8 * 3600_000;
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const cstMinutesNow = () => Math.floor(((Date.now() + CST_OFFSET_MS) % 86_400_000) / 60_000);
const cstTomorrow = () =>
  new Date(Date.parse(`${cstToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A meeting that starts at the next 5-minute mark and lasts half an hour: its guests' passes (valid from
 * 30 min before the start) are already valid. It must lie within today, so late in the evening the test
 * waits for the new China day first.
 */
async function meetingAboutToStart(): Promise<{ date: string; start: string; end: string }> {
  if (cstMinutesNow() > 23 * 60 + 20) {
    await new Promise((resolve) => setTimeout(resolve, (24 * 60 - cstMinutesNow() + 1) * 60_000));
  }
  const start = Math.floor(cstMinutesNow() / 5) * 5 + 5;
  return { date: cstToday(), start: clock(start), end: clock(start + 30) };
}

const accessTokenOf = async (page: Page) =>
  /"accessToken\\?":\\?"([^"\\]+)/.exec(await page.evaluate(() => JSON.stringify(localStorage)))![1]!;

/** Books `roomId` through the booking form with the given guests; returns on the booking's page. */
async function bookWithGuests(
  page: Page,
  roomId: string,
  slot: { date: string; start: string; end: string },
  title: string,
  guests: { name: string; phone: string }[],
): Promise<void> {
  // As the day grid links to the form (`bookUrl`): times unencoded.
  const query = `roomId=${roomId}&date=${slot.date}&start=${slot.start}&end=${slot.end}`;
  await page.goto(`${stack().url}/#/meeting-rooms/pages/book/index?${query}`);
  const book = page.locator('.mr-book');
  await expect
    .poll(() => book.locator('.mr-picker-value').allTextContents())
    .toEqual([`日期：${slot.date}`, slot.start, slot.end]);
  await book.locator('input[placeholder="会议主题（不超过 50 字）"]').fill(title);
  for (const [i, guest] of guests.entries()) {
    await book.getByText('＋ 添加来宾').click();
    await book.locator('input[placeholder="来宾姓名"]').nth(i).fill(guest.name);
    await book.locator('input[placeholder="来宾手机号"]').nth(i).fill(guest.phone);
  }
  await book.getByText('确认预订', { exact: true }).click();
  await page.locator('.mr-detail__status', { hasText: '已预订' }).waitFor();
}

/** The guest opens the pass link from their SMS, proves the phone and accepts the notice: the pass token. */
async function guestPass(guest: Page, phone: string): Promise<string> {
  const link = (await lastSms(stack(), phone, /请点击 (\S+) 查看入园通行证/))[1]!;
  await guest.goto(link);
  await guest.getByText('获取验证码').click();
  await guest.locator('input[placeholder="请输入 6 位验证码"]').fill(await smsCodeFor(stack(), phone));
  await guest.getByText('验证', { exact: true }).click();
  await guest.getByText('我已阅读并同意').click();
  await guest.getByText('提交', { exact: true }).click();
  return passToken(guest);
}

describe('会议一件事: meeting guests get visitor passes', () => {
  let roomId = '';

  // An admin opens a round-the-clock room in 会议中心 (whose visitors enter by 东门), so a meeting can
  // start within minutes whatever the hour the suite runs at.
  beforeAll(async () => {
    const admin = await signedInPhone(stack().url, demoPerson(demoLogins.admin).name);
    try {
      const headers = {
        authorization: `Bearer ${await accessTokenOf(admin.page)}`,
        'content-type': 'application/json',
      };
      const rooms = (await (await fetch(`${stack().url}/api/meeting-rooms/rooms`, { headers })).json()) as {
        items: { building: { id: string; name: string } }[];
      };
      const centre = rooms.items.find((r) => r.building.name === '会议中心')!.building;
      const res = await fetch(`${stack().url}/api/meeting-rooms/rooms`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          buildingId: centre.id,
          floor: 1,
          code: 'MC-105',
          name: '洽谈室',
          capacity: 8,
          openFrom: '00:00',
          openUntil: '23:59',
          maxDurationMinutes: 240,
          maxDaysAhead: 30,
          minNoticeMinutes: 0,
        }),
      });
      expect(res.status).toBe(200);
      roomId = ((await res.json()) as { id: string }).id;
    } finally {
      await admin.close();
    }
  });

  it(
    'book with external guests → SMS → the pass opens 东门 only inside its window; cancel → denied',
    { timeout: 30 * 60_000 },
    async () => {
      const organizer = demoPerson(demoLogins.staff);
      const staff = await signedInPhone(stack().url, organizer.name);
      const arriving = await openPhone();
      const awaited = await openPhone();
      const tomorrowGuest = await openPhone();
      const guests = { arriving: '13911114444', awaited: '13911115555', tomorrow: '13911116666' };
      try {
        const { page } = staff;
        const now = await meetingAboutToStart();
        await bookWithGuests(page, roomId, now, '项目对接会', [
          { name: '孙来宾', phone: guests.arriving },
          { name: '周来宾', phone: guests.awaited },
        ]);
        const detail = page.locator('.mr-detail');
        await expect
          .poll(() => detail.locator('.mr-detail__guest').allTextContents())
          .toEqual([expect.stringContaining('通行证：待到访'), expect.stringContaining('通行证：待到访')]);

        // The invitation SMS names the organizer, the meeting, its time and place.
        const [month, day] = now.date.split('-').slice(1).map(Number);
        await lastSms(
          stack(),
          guests.arriving,
          new RegExp(
            `${organizer.name}邀请您参加会议「项目对接会」，时间${month}月${day}日 ${now.start}–${now.end}，地点会议中心 洽谈室。`,
          ),
        );

        // Inside the window (it opened 30 min before the start): 东门 lets the guest in.
        const scanner = eastScanner(stack());
        expect(
          (await scanner.scan(await guestPass(arriving.page, guests.arriving), 'in')).body,
        ).toMatchObject({
          decision: 'allow',
          display: '孙*宾（访客）',
        });

        // Tomorrow's meeting: its guest's pass is not valid yet.
        await bookWithGuests(
          page,
          roomId,
          { date: cstTomorrow(), start: '10:00', end: '11:00' },
          '方案评审',
          [{ name: '吴来宾', phone: guests.tomorrow }],
        );
        expect(
          (await scanner.scan(await guestPass(tomorrowGuest.page, guests.tomorrow), 'in')).body,
        ).toMatchObject({ decision: 'deny', reason: 'PASS_NOT_YET_VALID' });

        // The organizer cancels today's meeting: the guest not yet in is told, and 东门 refuses their pass.
        const token = await guestPass(awaited.page, guests.awaited);
        await page.goto(`${stack().url}/#/meeting-rooms/pages/mine/index`);
        await page.locator('.mr-booking-row', { hasText: '项目对接会' }).click();
        await detail.getByText('取消预订', { exact: true }).click();
        await page.getByText('确认取消', { exact: true }).click();
        await detail.locator('.mr-detail__status', { hasText: '已取消' }).waitFor();
        await lastSms(
          stack(),
          guests.awaited,
          /您受邀参加的会议「项目对接会」（.+）已取消，入园通行证已作废。/,
        );
        expect((await scanner.scan(token, 'in')).body).toMatchObject({
          decision: 'deny',
          reason: 'PASS_REVOKED',
        });
        // The guest already inside keeps the pass they used (guests are listed by name: 周, then 孙).
        await expect
          .poll(() => detail.locator('.mr-detail__guest').allTextContents())
          .toEqual([expect.stringContaining('通行证：已取消'), expect.stringContaining('通行证：已到访')]);

        for (const phone of [staff, arriving, awaited, tomorrowGuest]) expect(phone.errors).toEqual([]);
      } finally {
        await Promise.all([staff, arriving, awaited, tomorrowGuest].map((phone) => phone.close()));
      }
    },
  );
});
