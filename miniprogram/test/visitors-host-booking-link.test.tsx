import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import QRCode from 'qrcode';
import { useSession } from '@/stores/session';
import type { BookingLink } from '@/visitors/api';
import BookingLinkPage from '@/visitors/pages/booking-link/index';
import { tokens } from './fixtures';
import { HOST, ok, serve, fakeDialogs, type SentRequest } from './visitors-host-server';

const LINK: BookingLink = {
  code: 'AB12CD34',
  dailyCap: 5,
  enabled: true,
  path: '/visitor/pages/request/index?code=AB12CD34',
  url: 'https://dayuan.example.gov.cn/#/visitor/pages/request/index?code=AB12CD34',
};

/** Serves `link`; a PUT answers with `update` (by default: the link with the new settings). */
function openBookingLink(
  link: BookingLink,
  update: (body: { dailyCap: number; enabled: boolean; renew?: boolean }) => {
    statusCode: number;
    data: unknown;
  } = (body) => ok({ ...link, dailyCap: body.dailyCap, enabled: body.enabled }),
): SentRequest[] {
  useSession.getState().signIn({ tokens: tokens(1), me: HOST });
  const sent = serve(({ method, path, body }) => {
    if (path !== '/api/visitors/booking-link') return undefined;
    if (method === 'GET') return ok(link);
    if (method === 'PUT') return update(body as { dailyCap: number; enabled: boolean });
    return undefined;
  });
  render(<BookingLinkPage />);
  return sent;
}

const updates = (sent: SentRequest[]) => sent.filter((r) => r.method === 'PUT').map((r) => r.body);

async function expectQrOf(text: string) {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await waitFor(() => {
    const img = document.querySelector('.booking-link__qr img, img.booking-link__qr');
    expect(img?.getAttribute('src')).toBe(src);
  });
}

const row = (label: string) => screen.getByText(label).closest('.switch-row') as HTMLElement;

let dialogs: ReturnType<typeof fakeDialogs>;
beforeEach(() => {
  dialogs = fakeDialogs();
});

describe('booking link page', () => {
  it('shows my code with a QR code of the booking page address', async () => {
    openBookingLink(LINK);

    expect(await screen.findByText('AB12CD34')).toBeTruthy();
    await expectQrOf(LINK.url!);
    expect(screen.getByText('访客扫码即可打开预约页提交来访申请，申请需经您审批。')).toBeTruthy();
    expect(within(row('每日上限')).getByText('5 人')).toBeTruthy();

    fireEvent.click(screen.getByText('复制预约链接'));
    expect(dialogs.setClipboardData).toHaveBeenCalledWith({ data: LINK.url });
  });

  it('without a public address, encodes the code itself and says how visitors use it', async () => {
    openBookingLink({ ...LINK, url: null });

    await expectQrOf('AB12CD34');
    expect(screen.getByText(/二维码内容为预约码/)).toBeTruthy();
    fireEvent.click(screen.getByText('复制预约码'));
    expect(dialogs.setClipboardData).toHaveBeenCalledWith({ data: 'AB12CD34' });
  });

  it('turns booking off and changes the daily cap within 1–20', async () => {
    const sent = openBookingLink(LINK);
    const toggle = await waitFor(() => {
      const input = row('接受预约').querySelector('input');
      expect(input?.checked).toBe(true);
      return input!;
    });

    fireEvent.click(toggle);
    expect(await screen.findByText('预约码已停用，访客暂时不能用它预约')).toBeTruthy();
    await waitFor(() => expect(updates(sent)).toEqual([{ dailyCap: 5, enabled: false }]));

    fireEvent.click(within(row('每日上限')).getByText('＋'));
    expect(await within(row('每日上限')).findByText('6 人')).toBeTruthy();
    await waitFor(() => expect(updates(sent)).toHaveLength(2));
    expect(updates(sent)[1]).toEqual({ dailyCap: 6, enabled: false });
  });

  it('stops at the cap’s limits without asking the server', async () => {
    const sent = openBookingLink({ ...LINK, dailyCap: 20 });
    fireEvent.click(within(await waitFor(() => row('每日上限'))).getByText('＋'));
    expect(within(row('每日上限')).getByText('20 人')).toBeTruthy();
    expect(updates(sent)).toEqual([]);
  });

  it('puts a setting back and says why when saving fails', async () => {
    openBookingLink(LINK, () => ({ statusCode: 503, data: 'down' }));
    fireEvent.click(within(await waitFor(() => row('每日上限'))).getByText('−'));

    expect(await screen.findByText('服务暂时不可用（503），请稍后再试')).toBeTruthy();
    expect(within(row('每日上限')).getByText('5 人')).toBeTruthy();
  });

  it('renews the code only after the host confirms the old one stops working', async () => {
    const renewed = {
      ...LINK,
      code: 'ZX98YW76',
      url: null,
      path: '/visitor/pages/request/index?code=ZX98YW76',
    };
    const sent = openBookingLink(LINK, () => ok(renewed));
    dialogs.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' });

    fireEvent.click(await screen.findByText('更换预约码'));
    await waitFor(() => expect(dialogs.showModal).toHaveBeenCalledTimes(1));
    expect(dialogs.showModal.mock.calls[0]![0]!.content).toContain('旧预约码立即失效');
    expect(updates(sent)).toEqual([]);

    fireEvent.click(screen.getByText('更换预约码'));

    expect(await screen.findByText('ZX98YW76')).toBeTruthy();
    expect(updates(sent)).toEqual([{ dailyCap: 5, enabled: true, renew: true }]);
    await expectQrOf('ZX98YW76');
  });
});
