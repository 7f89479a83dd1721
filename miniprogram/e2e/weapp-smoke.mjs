// Smoke test of the weapp build: loads dist/weapp in a bare Node vm that mimics the WeChat logic layer
// (a fake `wx`, App/Page/Component; no window, document, TextEncoder or btoa), runs the App and Page
// lifecycles and checks that the pages mount and talk to the API through wx.request.
// It is not a WeChat simulator: WXML/WXSS are not rendered.
// usage: node e2e/weapp-smoke.mjs dist/weapp
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import jsQR from 'jsqr';

const root = path.resolve(process.argv[2] ?? 'dist/weapp');
const log = (...a) => console.log('[weapp-smoke]', ...a);
const assert = (ok, what) => {
  if (!ok) throw new Error(`ASSERT: ${what}`);
  log('ok -', what);
};

// --- what the fake server answers --------------------------------------------------------------
const me = {
  id: '7c0d5a8e-4a8b-4d2e-9f57-3f1f4b1d2a10',
  employeeNo: 'E1001',
  name: '王小明',
  title: '科员',
  department: { id: '0b6f3c1e-5f7a-4c8e-9d21-6a4b2c1d0e9f', name: '秘书处', path: '办公厅/秘书处' },
  phoneMasked: '138****5678',
  roles: [{ role: 'staff' }],
  roleLabels: ['工作人员'],
  status: 'active',
  wechatBound: true,
  apps: ['entry-code', 'directory'],
};
const departments = {
  items: [
    { id: me.department.id, name: '秘书处', parentId: null, path: '秘书处', sortOrder: 1, memberCount: 2 },
  ],
};
const people = {
  items: [{ ...me, id: 'a1d2c3b4-0000-4000-8000-000000000001', name: '赵文书', employeeNo: 'E2001' }],
  total: 1,
  page: 1,
  pageSize: 20,
};
const session = {
  state: {
    tokens: {
      accessToken: 'smoke-access-token',
      accessTokenExpiresAt: '2026-11-21T12:15:00+08:00',
      refreshToken: 'smoke-refresh-token-0123456789',
      refreshTokenExpiresAt: '2026-12-21T12:00:00+08:00',
    },
    // a stale copy without apps: the 通讯录 tile can only come from the /api/me answer
    me: { ...me, apps: [] },
  },
  version: 0,
};

const notification = {
  id: 'notification-1',
  template: 'platform.announcement',
  category: 'announcement',
  title: '停水通知',
  body: '明天上午 9 点至 11 点办公楼停水。',
  link: '/pages/inbox/index',
  urgency: 'normal',
  createdAt: '2026-11-21T09:00:00+08:00',
  readAt: null,
};

const entryCode = {
  code: `DY1.${me.id.replace(/-/g, '')}.59060001.${'Q'.repeat(43)}`,
  expiresAt: '2026-11-21T09:01:00.000Z',
  // short, so the smoke test sees the automatic refresh
  refreshInSeconds: 1,
};

function answer(url) {
  const { pathname } = new URL(url, 'http://weapp.invalid');
  if (pathname === '/api/me') return { statusCode: 200, data: me };
  if (pathname === '/api/notifications') {
    return { statusCode: 200, data: { items: [notification], total: 1, page: 1, pageSize: 20 } };
  }
  if (pathname === '/api/notifications/unread-count') return { statusCode: 200, data: { count: 2 } };
  if (pathname === '/api/notifications/subscribe-templates') {
    return { statusCode: 200, data: { items: [{ key: 'announcement', templateId: 'tpl-a', credits: 0 }] } };
  }
  if (pathname === '/api/directory/departments') return { statusCode: 200, data: departments };
  if (pathname === '/api/directory/people') return { statusCode: 200, data: people };
  if (pathname === '/api/visitors/entry-code') return { statusCode: 200, data: entryCode };
  return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在', details: [] } };
}

// --- the fake wx -------------------------------------------------------------------------------
const calls = { request: [], reLaunch: [], navigateTo: [], sockets: [], tabBarBadge: [] };

/** A wx SocketTask whose server authenticates anyone, says 2 unread and answers pings. */
function fakeSocketTask(url) {
  const handlers = {};
  const task = {
    url,
    sent: [],
    closed: false,
    send({ data, success }) {
      const message = JSON.parse(data);
      task.sent.push(message);
      success?.({ errMsg: 'sendSocketMessage:ok' });
      const reply = message.type === 'auth' ? { type: 'ready', unread: 2 } : { type: 'pong' };
      setTimeout(() => handlers.message?.({ data: JSON.stringify(reply) }), 0);
    },
    close(opts) {
      task.closed = true;
      opts?.success?.({ errMsg: 'closeSocket:ok' });
    },
    onOpen: (fn) => (handlers.open = fn),
    onMessage: (fn) => (handlers.message = fn),
    onClose: (fn) => (handlers.close = fn),
    onError: (fn) => (handlers.error = fn),
  };
  setTimeout(() => handlers.open?.({ header: {} }), 20);
  return task;
}
const storage = new Map([['dayuan.session', session]]);
const wx = {
  getSystemInfoSync: () => ({
    platform: 'devtools',
    pixelRatio: 2,
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    SDKVersion: '3.6.0',
    language: 'zh_CN',
    version: '8.0.50',
  }),
  getWindowInfo: () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 812, screenWidth: 375 }),
  getDeviceInfo: () => ({ platform: 'devtools' }),
  getAppBaseInfo: () => ({ SDKVersion: '3.6.0' }),
  getMenuButtonBoundingClientRect: () => ({ top: 0, height: 32 }),
  canIUse: () => true,
  nextTick: (fn) => setTimeout(fn, 0),
  navigateTo: (opts) => {
    calls.navigateTo.push(opts.url);
    opts.success?.({ errMsg: 'navigateTo:ok' });
  },
  reLaunch: (opts) => {
    calls.reLaunch.push(opts.url);
    opts.success?.({ errMsg: 'reLaunch:ok' });
  },
  switchTab: (opts) => opts.success?.({ errMsg: 'switchTab:ok' }),
  showToast: (opts) => opts?.success?.({ errMsg: 'showToast:ok' }),
  setTabBarBadge: (opts) => {
    calls.tabBarBadge.push({ index: opts.index, text: opts.text });
    opts.success?.({ errMsg: 'setTabBarBadge:ok' });
  },
  removeTabBarBadge: (opts) => {
    calls.tabBarBadge.push({ index: opts.index, text: null });
    opts.success?.({ errMsg: 'removeTabBarBadge:ok' });
  },
  connectSocket: (opts) => {
    const task = fakeSocketTask(opts.url);
    calls.sockets.push(task);
    setTimeout(() => opts.success?.({ errMsg: 'connectSocket:ok' }), 0);
    return task;
  },
  stopPullDownRefresh: (opts) => opts?.success?.({}),
  request: (opts) => {
    calls.request.push({ url: opts.url, method: opts.method, header: opts.header });
    setTimeout(() => opts.success?.({ ...answer(opts.url), header: {}, errMsg: 'request:ok' }), 0);
    return { abort() {} };
  },
  createSelectorQuery: () => ({
    in() {
      return this;
    },
    select() {
      return this;
    },
    selectAll() {
      return this;
    },
    boundingClientRect() {
      return this;
    },
    fields() {
      return this;
    },
    exec(cb) {
      cb?.([]);
    },
  }),
  getStorageSync: (key) => storage.get(key) ?? '',
  setStorageSync: (key, value) => storage.set(key, value),
  removeStorageSync: (key) => storage.delete(key),
  onAppShow() {},
  onAppHide() {},
  offAppShow() {},
  offAppHide() {},
};

// --- the logic-layer sandbox and a CommonJS loader for the build output --------------------------
let appConfig = null;
let loadingRoute = null;
const pageConfigs = {};
const pageStack = [];
const sandbox = {
  wx,
  console,
  // The app's own timers (the realtime heartbeat) must not keep this script alive.
  setTimeout: (...args) => setTimeout(...args).unref(),
  clearTimeout,
  setInterval: (...args) => setInterval(...args).unref(),
  clearInterval,
  App: (cfg) => {
    appConfig = cfg;
  },
  Page: (cfg) => {
    pageConfigs[loadingRoute] = cfg;
  },
  Component: () => {},
  Behavior: (b) => b,
  getApp: () => appConfig,
  getCurrentPages: () => pageStack,
  requirePlugin: () => ({}),
};
sandbox.global = sandbox;
const ctx = vm.createContext(sandbox);

const cache = new Map();
function load(file) {
  const abs = path.resolve(file.endsWith('.js') ? file : `${file}.js`);
  if (cache.has(abs)) return cache.get(abs).exports;
  const mod = { exports: {} };
  cache.set(abs, mod);
  const src = fs.readFileSync(abs, 'utf8');
  const fn = vm.runInContext(`(function (require, module, exports) {${src}\n})`, ctx, { filename: abs });
  fn((p) => load(path.resolve(path.dirname(abs), p)), mod, mod.exports);
  return mod.exports;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function openPage(route, query = {}) {
  loadingRoute = route;
  load(path.join(root, route));
  assert(pageConfigs[route], `Page() registered for ${route}`);
  const page = {
    route,
    __route__: route,
    data: {},
    setDataCalls: [],
    setData(data, cb) {
      this.setDataCalls.push(data);
      Object.assign(this.data, data);
      if (cb) setTimeout(cb, 0);
    },
  };
  Object.assign(page, pageConfigs[route]);
  pageStack.push(page);
  page.onLoad?.call(page, query);
  page.onShow?.call(page);
  page.onReady?.call(page);
  await sleep(400);
  return page;
}
const rendered = (page) => JSON.stringify(page.setDataCalls);

/** Decodes the QR code in an SVG written by `qrcode` (rows of `M x y`/`m dx dy` moves and `h n` runs). */
function decodeQrSvg(svg) {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)[1]);
  const path = /<path stroke="[^"]*" d="([^"]*)"/.exec(svg)[1];
  const dark = new Set();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a), Number(b)];
    else if (op === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else for (let end = x + Number(a); x < end; x++) dark.add(`${x},${Math.floor(y)}`);
  }
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      const v = dark.has(`${Math.floor(px / scale)},${Math.floor(py / scale)}`) ? 0 : 255;
      pixels.set([v, v, v, 255], (py * width + px) * 4);
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}
const requested = (pathname) =>
  calls.request.filter((r) => new URL(r.url, 'http://weapp.invalid').pathname === pathname);

try {
  assert(
    vm.runInContext(
      'typeof TextEncoder === "undefined" && typeof document === "undefined" && typeof window === "undefined" && typeof btoa === "undefined"',
      ctx,
    ),
    'sandbox has no TextEncoder/document/window/btoa (like the WeChat logic layer)',
  );
  const appJson = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
  assert(appJson.pages[0] === 'pages/workbench/index', 'app.json: the workbench is the first page');
  assert(
    appJson.subPackages?.some((s) => s.root === 'directory' && s.pages.includes('pages/people/index')),
    'app.json: directory subpackage with pages/people/index',
  );
  assert(
    appJson.tabBar.list.map((t) => t.text).join(',') === '工作台,消息,我的',
    'app.json: tabs 工作台, 消息, 我的',
  );
  assert(
    appJson.subPackages?.some((s) => s.root === 'notifications' && s.pages.includes('pages/announce/index')),
    'app.json: notifications subpackage with pages/announce/index',
  );

  load(path.join(root, 'app'));
  assert(appConfig, 'App() registered');
  const launch = { path: 'pages/workbench/index', query: {}, scene: 1001 };
  appConfig.onLaunch?.call(appConfig, launch);
  appConfig.onShow?.call(appConfig, launch);

  const workbench = await openPage('pages/workbench/index');
  const meCalls = requested('/api/me');
  assert(meCalls.length >= 1, `wx.request called for /api/me (${meCalls[0]?.url})`);
  assert(meCalls[0].method === 'GET', 'GET /api/me');
  assert(meCalls[0].header.Authorization === 'Bearer smoke-access-token', 'the stored session token is sent');
  assert(meCalls[0].header['x-dayuan-client'] === 'weapp', 'x-dayuan-client: weapp');
  assert(rendered(workbench).includes('王小明'), 'workbench shows the person from /api/me');
  assert(rendered(workbench).includes('通讯录'), 'workbench shows the 通讯录 tile granted by /api/me');
  assert(!rendered(workbench).includes('人员导入'), 'workbench hides 人员导入 from staff');
  assert(calls.reLaunch.length === 0, 'a signed-in person is not sent to login');
  assert(calls.sockets.length === 1, 'one realtime socket for the stored session');
  assert(
    calls.sockets[0].url === 'ws://127.0.0.1:3000/api/ws',
    `socket URL from the API base (${calls.sockets[0].url})`,
  );
  assert(
    JSON.stringify(calls.sockets[0].sent[0]) ===
      JSON.stringify({ type: 'auth', token: 'smoke-access-token' }),
    'the socket authenticates first, with the stored token',
  );
  assert(
    requested('/api/notifications/subscribe-templates').length === 1,
    'the subscribe template ids are loaded ahead of the first tap',
  );
  assert(rendered(workbench).includes('消息中心'), 'workbench shows 消息中心');
  assert(
    calls.tabBarBadge.some((b) => b.index === 1 && b.text === '2'),
    'the 消息 tab shows the unread count from the ready message',
  );

  const inbox = await openPage('pages/inbox/index');
  assert(requested('/api/notifications').length === 1, 'inbox page loads the first page of notifications');
  assert(rendered(inbox).includes('停水通知'), 'inbox page lists the notification from the API');

  const peoplePage = await openPage('directory/pages/people/index');
  assert(requested('/api/directory/departments').length === 1, 'people page loads the departments');
  assert(requested('/api/directory/people').length === 1, 'people page loads the first page of people');
  assert(rendered(peoplePage).includes('赵文书'), 'people page lists the people from the API');
  assert(rendered(peoplePage).includes('秘书处'), 'people page lists the departments');

  assert(rendered(workbench).includes('通行码'), 'workbench shows the 通行码 tile granted by /api/me');
  const entryPage = await openPage('visitors/pages/entry-code/index');
  assert(requested('/api/visitors/entry-code').length === 1, 'entry code page fetches the code');
  const qr = /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(rendered(entryPage));
  assert(qr, 'entry code page renders the QR as an SVG data URI (qrcode with the TextEncoder polyfill)');
  assert(
    decodeQrSvg(Buffer.from(qr[1], 'base64').toString('ascii')) === entryCode.code,
    'the QR code decodes to the entry code',
  );
  assert(rendered(entryPage).includes('秒后自动刷新'), 'entry code page shows the countdown');
  await sleep(1400);
  assert(
    requested('/api/visitors/entry-code').length === 2,
    'the code is fetched again after refreshInSeconds',
  );
  entryPage.onHide.call(entryPage);
  await sleep(1500);
  assert(requested('/api/visitors/entry-code').length === 2, 'no refresh while the page is hidden');
  entryPage.onShow.call(entryPage);
  await sleep(300);
  assert(requested('/api/visitors/entry-code').length === 3, 'shown again, the page fetches a fresh code');
  log('PASS');
} catch (e) {
  console.error('[weapp-smoke] FAIL', e);
  process.exitCode = 1;
}
