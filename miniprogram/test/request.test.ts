import { describe, expect, it } from 'vitest';
import { authRoutes, directoryRoutes } from '@dayuan/shared';
import { ApiError, call } from '@/services/request';
import { useSession } from '@/stores/session';
import { errorBody, me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

function signIn() {
  useSession.getState().signIn({ tokens: tokens(1), me: me() });
}

const departments = { items: [] };

describe('call', () => {
  it('sends the access token and the client kind, and returns the parsed response', async () => {
    signIn();
    answerRequests(() => ({ statusCode: 200, data: me() }));

    await expect(call(authRoutes.me)).resolves.toMatchObject({ name: '王小明', phoneMasked: '138****5678' });

    expect(taro.request).toHaveBeenCalledTimes(1);
    const options = taro.request.mock.calls[0]?.[0];
    expect(options).toMatchObject({
      url: 'http://api.test/api/me',
      method: 'GET',
      header: { Authorization: 'Bearer access-token-1', 'x-dayuan-client': 'h5' },
    });
  });

  it('fills path parameters, writes the query string and sends no token to public routes', async () => {
    signIn();
    answerRequests(() => ({ statusCode: 200, data: { items: [], total: 0, page: 2, pageSize: 20 } }));
    await call(directoryRoutes.people, { query: { page: 2, q: '王 明', departmentId: undefined } });
    expect(taro.request.mock.calls[0]?.[0].url).toBe(
      'http://api.test/api/directory/people?page=2&q=%E7%8E%8B%20%E6%98%8E',
    );

    answerRequests(() => ({ statusCode: 200, data: { tokens: tokens(2) } }));
    await call(authRoutes.refresh, { body: { refreshToken: tokens(1).refreshToken } });
    const refresh = taro.request.mock.calls[1]?.[0];
    expect(refresh.header.Authorization).toBeUndefined();
    expect(refresh.data).toEqual({ refreshToken: tokens(1).refreshToken });
  });

  it('turns an error body into an ApiError with the Chinese message and field details', async () => {
    signIn();
    const details = [{ path: 'rows.5.手机号', issue: '手机号格式不正确' }];
    answerRequests(() => errorBody('DIRECTORY_IMPORT_INVALID', details));

    const error = await call(directoryRoutes.import, { body: { csv: 'x' } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'DIRECTORY_IMPORT_INVALID',
      message: '导入文件有错误，未导入任何数据',
      status: 422,
      details,
    });
  });

  it('refreshes an expired token once for concurrent calls, then retries each call', async () => {
    signIn();
    answerRequests((key, { header }) => {
      if (key === 'POST /api/auth/refresh') return { statusCode: 200, data: { tokens: tokens(2) } };
      if (header.Authorization === 'Bearer access-token-1') return errorBody('AUTH_TOKEN_EXPIRED');
      return key === 'GET /api/me' ? { statusCode: 200, data: me() } : { statusCode: 200, data: departments };
    });

    const [mine, list] = await Promise.all([call(authRoutes.me), call(directoryRoutes.departments)]);

    expect(mine.name).toBe('王小明');
    expect(list.items).toEqual([]);
    const urls = taro.request.mock.calls.map(
      ([o]) => `${o.method} ${o.url} ${o.header.Authorization ?? '-'}`,
    );
    expect(urls.filter((u) => u.includes('/api/auth/refresh'))).toHaveLength(1);
    expect(urls).toContain('GET http://api.test/api/me Bearer access-token-2');
    expect(urls).toContain('GET http://api.test/api/directory/departments Bearer access-token-2');
    expect(useSession.getState().tokens?.accessToken).toBe('access-token-2');
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });

  it('clears the session and returns to login when the refresh is refused', async () => {
    signIn();
    answerRequests((key) =>
      key === 'POST /api/auth/refresh' ? errorBody('AUTH_REFRESH_INVALID') : errorBody('AUTH_TOKEN_EXPIRED'),
    );

    await expect(call(authRoutes.me)).rejects.toMatchObject({ code: 'AUTH_REFRESH_INVALID', status: 401 });

    expect(useSession.getState().tokens).toBeNull();
    expect(useSession.getState().me).toBeNull();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('reports a network failure as NETWORK with a Chinese message', async () => {
    signIn();
    taro.request.mockRejectedValue({ errMsg: 'request:fail timeout' });

    await expect(call(authRoutes.me)).rejects.toMatchObject({
      code: 'NETWORK',
      message: '网络连接失败，请检查网络后重试',
      status: 0,
    });
    expect(useSession.getState().tokens).not.toBeNull();
  });

  it('rejects a response that does not match the contract', async () => {
    signIn();
    answerRequests(() => ({ statusCode: 200, data: { name: '王小明' } }));

    await expect(call(authRoutes.me)).rejects.toMatchObject({
      code: 'CONTRACT_MISMATCH',
      message: '服务返回的数据格式不正确',
    });
  });
});
