import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AnnouncePage from '@/notifications/pages/announce/index';
import { useSession } from '@/stores/session';
import { errorBody, me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

const OFFICE = '0b6f3c1e-5f7a-4c8e-9d21-6a4b2c1d0e9f';
const SECRETARIAT = '1c7a4d2f-6a8b-4d9f-8e32-7b5c3d2e1f0a';
const departments = {
  items: [
    { id: OFFICE, name: '办公厅', parentId: null, path: '办公厅', sortOrder: 1, memberCount: 5 },
    {
      id: SECRETARIAT,
      name: '秘书处',
      parentId: OFFICE,
      path: '办公厅/秘书处',
      sortOrder: 1,
      memberCount: 2,
    },
  ],
};

function signInAsAdmin(announce: (body: unknown) => { statusCode: number; data: unknown }) {
  useSession.getState().signIn({ tokens: tokens(1), me: me(['staff', 'admin']) });
  answerRequests((key, { data }) => {
    if (key === 'GET /api/directory/departments') return { statusCode: 200, data: departments };
    if (key === 'POST /api/notifications/announcements') return announce(data);
    throw new Error(`unexpected ${key}`);
  });
}

const announced = () =>
  taro.request.mock.calls.map(([o]) => o).filter((o) => o.url.endsWith('/api/notifications/announcements'));

async function fill(title: string, body: string) {
  fireEvent.input(screen.getByPlaceholderText('标题（不超过 40 字）'), { target: { value: title } });
  // taro-textarea-core carries the placeholder too; the text goes into the <textarea> it renders
  const textarea = await waitFor(() => {
    const found = screen
      .getAllByPlaceholderText('正文（不超过 1000 字）')
      .find((el) => el.tagName === 'TEXTAREA');
    expect(found).toBeDefined();
    return found!;
  });
  fireEvent.input(textarea, { target: { value: body } });
}

describe('announce page', () => {
  it('checks the form before sending', async () => {
    signInAsAdmin(() => ({ statusCode: 200, data: { recipients: 1 } }));
    render(<AnnouncePage />);
    await screen.findByText('秘书处');

    fireEvent.click(screen.getByText('发送通知'));

    expect(await screen.findByText('标题不能为空')).toBeTruthy();
    expect(screen.getByText('内容不能为空')).toBeTruthy();
    expect(announced()).toHaveLength(0);
  });

  it('sends to the chosen departments, urgently, and says how many people it reached', async () => {
    signInAsAdmin(() => ({ statusCode: 200, data: { recipients: 12 } }));
    render(<AnnouncePage />);
    fireEvent.click(await screen.findByText('秘书处'));
    await fill(' 停电通知 ', '今晚 8 点起办公楼停电检修。');
    const urgent = screen.getByText('紧急（同时发送短信）').parentElement!.querySelector('input')!;
    await waitFor(() => expect(urgent.checked).toBe(false));
    fireEvent.click(urgent);

    fireEvent.click(screen.getByText('发送通知'));

    expect(await screen.findByText('已发送给 12 人')).toBeTruthy();
    expect(announced()[0]?.data).toEqual({
      title: '停电通知',
      body: '今晚 8 点起办公楼停电检修。',
      departmentIds: [SECRETARIAT],
      urgency: 'urgent',
    });
  });

  it('sends to 全院 when no department is chosen', async () => {
    signInAsAdmin(() => ({ statusCode: 200, data: { recipients: 300 } }));
    render(<AnnouncePage />);
    fireEvent.click(await screen.findByText('办公厅'));
    fireEvent.click(screen.getByText('全院'));
    await fill('体检通知', '下周一开始年度体检。');

    fireEvent.click(screen.getByText('发送通知'));

    expect(await screen.findByText('已发送给 300 人')).toBeTruthy();
    expect(announced()[0]?.data).toMatchObject({ departmentIds: [], urgency: 'normal' });
  });

  it("shows the server's validation details next to their fields", async () => {
    signInAsAdmin(() =>
      errorBody('VALIDATION_FAILED', [
        { path: 'body.body', issue: '内容包含不允许的字符' },
        { path: 'body.extra', issue: '不允许的字段' },
      ]),
    );
    render(<AnnouncePage />);
    await screen.findByText('秘书处');
    await fill('体检通知', '下周一开始年度体检。');

    fireEvent.click(screen.getByText('发送通知'));

    expect(await screen.findByText('内容包含不允许的字符')).toBeTruthy();
    expect(screen.getByText('不允许的字段')).toBeTruthy();
    expect(screen.queryByText(/已发送给/)).toBeNull();
  });

  it('is for admins only', () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me(['staff']) });
    render(<AnnouncePage />);
    expect(screen.getByText('仅管理员可以发布通知')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
