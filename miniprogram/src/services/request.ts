import Taro from '@tarojs/taro';
import type { z } from 'zod';
import {
  CLIENT_HEADER,
  ErrorBodySchema,
  GUEST_AUTH_SCHEME,
  authRoutes,
  fillPath,
  type ErrorCode,
  type ErrorDetail,
  type HttpMethod,
  type PathParams,
  type RouteBody,
  type RouteDef,
  type RouteQuery,
  type RouteRes,
} from '@dayuan/shared';
import { guestToken, useGuestSession } from '@/stores/guest-session';
import { useSession } from '@/stores/session';

/**
 * H5 is served by the server itself (same origin). A mini-program has none: unless the build sets an https
 * address, it talks to the local server of `npm start` (WeChat DevTools with 不校验合法域名).
 */
export const API_BASE =
  process.env.TARO_APP_API_BASE || (process.env.TARO_ENV === 'weapp' ? 'http://127.0.0.1:3000' : '');
const LOGIN_PAGE = '/pages/login/index';

const REQUEST_TIMEOUT_MS = 15_000;
const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const CONTRACT_MESSAGE = '服务返回的数据格式不正确';
const FALLBACK_MESSAGE = '操作失败，请稍后重试';

/** Codes the client produces itself, next to the server's `ErrorCode`s. */
export type ClientErrorCode = 'NETWORK' | 'CONTRACT_MISMATCH' | 'HTTP_ERROR';

export class ApiError extends Error {
  constructor(
    /** A server `ErrorCode` (or a newer one this build does not know yet), or a `ClientErrorCode`. */
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    /** Chinese, for people. */
    message: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    /** Field-level problems, e.g. `{ path: 'rows.5.手机号', issue: '手机号格式不正确' }`. */
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type HasParams<P extends string> = PathParams<P> extends Record<string, never> ? false : true;

type CallInput<R extends RouteDef> = ([RouteBody<R>] extends [never]
  ? { body?: never }
  : { body: RouteBody<R> }) &
  ([RouteQuery<R>] extends [never] ? { query?: never } : { query?: RouteQuery<R> }) &
  (HasParams<R['path']> extends true ? { params: PathParams<R['path']> } : { params?: never });

type CallArgs<R extends RouteDef> =
  object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

interface RawResponse {
  statusCode: number;
  data: unknown;
}

/**
 * Calls one route of the shared contract and returns its parsed response.
 * Signed-in calls carry the access token; an expired token is refreshed once (shared by
 * concurrent callers) and the call retried; a dead session is cleared and the user sent to login.
 * Guest routes carry the guest token instead (see `callAsGuest`).
 */
export async function call<R extends RouteDef>(route: R, ...[input]: CallArgs<R>): Promise<RouteRes<R>> {
  const { params, query, body } = (input ?? {}) as {
    params?: Record<string, string>;
    query?: object;
    body?: unknown;
  };
  const url = API_BASE + fillPath(route.path, params) + queryString(query);
  if (route.access === 'guest') return callAsGuest(route, url, body);
  const isPublic = route.access === 'public';
  const sentToken = isPublic ? undefined : useSession.getState().tokens?.accessToken;

  let res = await send(url, route.method, body, apiHeaders(sentToken));
  if (!isPublic && sentToken && res.statusCode === 401 && toApiError(res).code === 'AUTH_TOKEN_EXPIRED') {
    res = await send(url, route.method, body, apiHeaders(await freshAccessToken(sentToken)));
  }
  if (!isOk(res)) {
    const error = toApiError(res);
    if (!isPublic && res.statusCode === 401) endSession();
    throw error;
  }
  return parseWith<R['res']>(route.res, res);
}

/**
 * A guest route (visitors without a staff account): `Authorization: Guest <token>` from the guest
 * session. A refused token is forgotten so the visitor is asked for a new SMS code; there is no
 * refresh and no staff login page (the independent visitor subpackage has none).
 */
async function callAsGuest<R extends RouteDef>(route: R, url: string, body: unknown): Promise<RouteRes<R>> {
  const header = apiHeaders(undefined);
  const token = guestToken();
  if (token) header.Authorization = `${GUEST_AUTH_SCHEME} ${token}`;
  const res = await send(url, route.method, body, header);
  if (!isOk(res)) {
    if (res.statusCode === 401) useGuestSession.getState().clear(true);
    throw toApiError(res);
  }
  return parseWith<R['res']>(route.res, res);
}

/** Calls a JSON endpoint outside our API (the WeChat mock's control plane in H5 dev builds). */
export async function callUrl<S extends z.ZodType>(
  url: string,
  schema: S,
  init: { method: HttpMethod; body?: unknown },
): Promise<z.infer<S>> {
  const res = await send(url, init.method, init.body, { Accept: 'application/json' });
  if (!isOk(res)) throw toApiError(res);
  return parseWith(schema, res);
}

/** The message to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : FALLBACK_MESSAGE;
}

export function showApiError(error: unknown): void {
  void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 });
}

/** Headers for our API: the client kind (for the audit trail) and the access token when signed in. */
function apiHeaders(token: string | undefined): Record<string, string> {
  const header: Record<string, string> = {
    Accept: 'application/json',
    [CLIENT_HEADER]: process.env.TARO_ENV,
  };
  if (token) header.Authorization = `Bearer ${token}`;
  return header;
}

async function send(url: string, method: HttpMethod, body: unknown, header: Record<string, string>) {
  try {
    const res = await Taro.request<unknown>({
      url,
      method,
      // An empty JSON object rather than no body: wx.request always sends a JSON content type.
      data: method === 'GET' ? undefined : (body ?? {}),
      header,
      timeout: REQUEST_TIMEOUT_MS,
    });
    return { statusCode: res.statusCode, data: res.data } satisfies RawResponse;
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE, 0);
  }
}

function queryString(query: object | undefined): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

function isOk(res: RawResponse): boolean {
  return res.statusCode >= 200 && res.statusCode < 300;
}

function parseWith<S extends z.ZodType>(schema: S, res: RawResponse): z.infer<S> {
  const parsed = schema.safeParse(res.data);
  if (!parsed.success) throw new ApiError('CONTRACT_MISMATCH', CONTRACT_MESSAGE, res.statusCode);
  return parsed.data;
}

function toApiError(res: RawResponse): ApiError {
  const body = ErrorBodySchema.safeParse(res.data);
  if (body.success) return new ApiError(body.data.code, body.data.message, res.statusCode, body.data.details);
  return new ApiError('HTTP_ERROR', `服务暂时不可用（${res.statusCode}），请稍后再试`, res.statusCode);
}

let refreshing: Promise<string> | null = null;

/**
 * A valid access token to replace `staleToken`: refreshed once however many callers (API calls, the
 * realtime connection) ask at the same time. A refused refresh ends the session.
 */
export function freshAccessToken(staleToken: string): Promise<string> {
  const tokens = useSession.getState().tokens;
  if (tokens && tokens.accessToken !== staleToken) return Promise.resolve(tokens.accessToken);
  refreshing ??= refreshTokens(tokens?.refreshToken).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refreshTokens(refreshToken: string | undefined): Promise<string> {
  if (!refreshToken) {
    endSession();
    throw new ApiError('AUTH_REFRESH_INVALID', '登录已失效，请重新登录', 401);
  }
  try {
    const { tokens } = await call(authRoutes.refresh, { body: { refreshToken } });
    useSession.getState().setTokens(tokens);
    return tokens.accessToken;
  } catch (error) {
    // A refused refresh ends the session; a network failure or a busy server does not.
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      endSession();
    }
    throw error;
  }
}

let leaving: Promise<void> | null = null;

/** Relaunches on the login page once, however many callers ask while it happens. */
export function relaunchToLogin(): Promise<void> {
  leaving ??= Taro.reLaunch({ url: LOGIN_PAGE })
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      leaving = null;
    });
  return leaving;
}

function endSession(): void {
  useSession.getState().clear();
  void relaunchToLogin();
}
