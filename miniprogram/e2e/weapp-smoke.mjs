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

// The visitor (independent subpackage) signed in with an SMS code earlier: a guest session, no staff one.
const guestSession = {
  token: 'smoke-guest-token-0123456789',
  expiresAt: '2099-12-31T18:00:00+08:00',
  phoneMasked: '139****0001',
};
const eastGate = { id: '5d7e2c1a-3b4f-4a6e-8c9d-0e1f2a3b4c5d', name: '东门' };
const approvedPass = {
  id: 'b1f0c7a2-5d3e-4f6a-8b9c-0d1e2f3a4b5c',
  status: 'approved',
  awaiting: null,
  hostName: '王小明',
  purpose: '商谈项目合作',
  // far ahead: the smoke test runs on the real clock, and a pass whose window is over shows no code
  windowStart: '2099-11-21T09:00:00+08:00',
  windowEnd: '2099-11-21T11:00:00+08:00',
  gates: [eastGate],
  entries: { used: 0, max: 1 },
  profile: { name: '张访客', company: '某某科技公司', idNumberMasked: null, plate: null },
  remaining: { idNumber: false, privacy: false },
  decisionNote: null,
};
const pendingPass = {
  ...approvedPass,
  id: 'c2a1d8b3-6e4f-4a7b-9cad-1e2f3a4b5c6d',
  status: 'pending',
  awaiting: 'host',
};
const passCode = {
  code: `DYV1.${approvedPass.id.replace(/-/g, '')}.59060001.${'P'.repeat(43)}`,
  expiresAt: '2026-11-21T09:01:00.000Z',
  refreshInSeconds: 30,
};
const bookingPage = {
  host: { name: '王小明', department: '办公厅/秘书处' },
  zones: [{ ...eastGate, idNumberRequired: true, approverRequired: false }],
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
  if (pathname === '/api/visitors/my/passes') {
    return { statusCode: 200, data: { items: [approvedPass, pendingPass] } };
  }
  if (pathname === `/api/visitors/my/passes/${approvedPass.id}/code`) {
    return { statusCode: 200, data: passCode };
  }
  if (pathname === '/api/visitors/booking/AB12CD34') return { statusCode: 200, data: bookingPage };
  return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在', details: [] } };
}

// --- the fake wx -------------------------------------------------------------------------------
const calls = { request: [], reLaunch: [], navigateTo: [], sockets: [], tabBarBadge: [], canvas: {} };

/** A legacy CanvasContext (wx.createCanvasContext) that records what weapp-qrcode draws. */
function recordingCanvasContext(id) {
  const ops = [];
  calls.canvas[id] = ops;
  return {
    setFillStyle: (color) => ops.push(['fill', color]),
    fillRect: (x, y, w, h) => ops.push(['rect', x, y, w, h]),
    drawImage: () => ops.push(['image']),
    draw: (_reserve, cb) => {
      ops.push(['draw']);
      setTimeout(() => cb?.({ errMsg: 'drawCanvas:ok' }), 0);
    },
  };
}

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
const storage = new Map([
  ['dayuan.session', session],
  ['dayuan.guest-session', guestSession],
]);
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
  createCanvasContext: (id) => recordingCanvasContext(id),
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
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One WeChat logic layer: a vm context with App/Page/getApp and a CommonJS loader. WeChat starts a fresh
 * one when a visitor opens a page of the independent `visitor` subpackage: app.js does not run there and
 * getApp() answers undefined, so that subpackage is loaded in a layer of its own.
 */
function logicLayer() {
  const layer = { appConfig: null, loadingRoute: null, pageConfigs: {}, pageStack: [], loaded: [] };
  const sandbox = {
    wx,
    console,
    // The app's own timers (the realtime heartbeat) must not keep this script alive.
    setTimeout: (...args) => setTimeout(...args).unref(),
    clearTimeout,
    setInterval: (...args) => setInterval(...args).unref(),
    clearInterval,
    App: (cfg) => {
      layer.appConfig = cfg;
    },
    Page: (cfg) => {
      layer.pageConfigs[layer.loadingRoute] = cfg;
    },
    Component: () => {},
    Behavior: (b) => b,
    getApp: () => layer.appConfig ?? undefined,
    getCurrentPages: () => layer.pageStack,
    requirePlugin: () => ({}),
  };
  sandbox.global = sandbox;
  layer.ctx = vm.createContext(sandbox);

  const cache = new Map();
  layer.load = function load(file) {
    const abs = path.resolve(file.endsWith('.js') ? file : `${file}.js`);
    if (cache.has(abs)) return cache.get(abs).exports;
    const mod = { exports: {} };
    cache.set(abs, mod);
    layer.loaded.push(path.relative(root, abs).split(path.sep).join('/'));
    const src = fs.readFileSync(abs, 'utf8');
    const fn = vm.runInContext(`(function (require, module, exports) {${src}\n})`, layer.ctx, {
      filename: abs,
    });
    fn((p) => load(path.resolve(path.dirname(abs), p)), mod, mod.exports);
    return mod.exports;
  };

  layer.openPage = async function openPage(route, query = {}) {
    layer.loadingRoute = route;
    layer.load(path.join(root, route));
    assert(layer.pageConfigs[route], `Page() registered for ${route}`);
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
    Object.assign(page, layer.pageConfigs[route]);
    layer.pageStack.push(page);
    page.onLoad?.call(page, query);
    page.onShow?.call(page);
    page.onReady?.call(page);
    await sleep(400);
    return page;
  };
  return layer;
}
const main = logicLayer();
const { ctx, load, openPage } = main;
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
/** Decodes the QR code weapp-qrcode drew: rasterises the recorded fillRects, with a quiet zone around. */
function decodeQrCanvas(ops, size) {
  const pad = 24;
  const width = size + 2 * pad;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  let fill = '#ffffff';
  for (const op of ops) {
    if (op[0] === 'fill') fill = op[1];
    if (op[0] !== 'rect') continue;
    const v = fill === '#000000' ? 0 : 255;
    const [, x, y, w, h] = op;
    for (let py = y; py < Math.min(size, y + h); py++) {
      for (let px = x; px < Math.min(size, x + w); px++) {
        pixels.set([v, v, v, 255], ((py + pad) * width + px + pad) * 4);
      }
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
  const { appConfig } = main;
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

  // The independent visitor subpackage, as WeChat starts it from an SMS link: a fresh logic layer
  // without app.js, getApp() undefined, nothing from the main package.
  const visitorApp = appJson.subPackages?.find((s) => s.root === 'visitor');
  assert(
    visitorApp?.independent === true &&
      ['pages/pass/index', 'pages/request/index'].every((p) => visitorApp.pages.includes(p)),
    'app.json: independent visitor subpackage with pages/pass/index and pages/request/index',
  );
  const visitor = logicLayer();
  assert(vm.runInContext('getApp() === undefined', visitor.ctx), 'visitor layer: getApp() is undefined');
  const passPage = await visitor.openPage('visitor/pages/pass/index');
  const outside = visitor.loaded.filter((file) => !file.startsWith('visitor/'));
  assert(
    outside.length === 0,
    `the visitor pages load only files under visitor/ (${visitor.loaded.length} files; outside: ${outside.join(', ') || 'none'})`,
  );
  assert(visitor.appConfig === null, 'app.js did not run in the visitor layer');
  const passCalls = requested('/api/visitors/my/passes');
  assert(passCalls.length === 1, 'pass page loads the guest’s passes');
  assert(
    passCalls[0].header.Authorization === `Guest ${guestSession.token}`,
    'guest routes send Authorization: Guest <token> from the stored guest session',
  );
  assert(
    passCalls[0].url.startsWith('http://127.0.0.1:3000/'),
    `guest call to the API base (${passCalls[0].url})`,
  );
  assert(rendered(passPage).includes('等待被访人 王小明 审批'), 'the pending pass says whom it waits for');
  assert(
    requested(`/api/visitors/my/passes/${approvedPass.id}/code`).length === 1,
    'the approved pass fetches its code',
  );
  assert(
    requested(`/api/visitors/my/passes/${pendingPass.id}/code`).length === 0,
    'the pending pass shows no code',
  );
  assert(rendered(passPage).includes(passCode.code), 'the pass code is printed under the QR');
  const qrOps = calls.canvas[`pass-qr-${approvedPass.id}`] ?? [];
  assert(
    qrOps.some((op) => op[0] === 'draw') && qrOps.filter((op) => op[0] === 'rect').length > 400,
    'weapp-qrcode drew the pass on wx.createCanvasContext',
  );
  assert(decodeQrCanvas(qrOps, 240) === passCode.code, 'the canvas QR decodes to the pass code');
  assert(calls.reLaunch.length === 0, 'the visitor is never sent to the staff login');

  const requestPage = await visitor.openPage('visitor/pages/request/index', { c: 'AB12CD34' });
  assert(requested('/api/visitors/booking/AB12CD34').length === 1, 'request page loads the booking page');
  assert(rendered(requestPage).includes('办公厅/秘书处'), 'request page shows the host’s department');
  assert(rendered(requestPage).includes('需登记身份证'), 'request page shows the zone policy');
  assert(rendered(requestPage).includes('提交预约'), 'a stored guest session goes straight to the form');
  log('PASS');
} catch (e) {
  console.error('[weapp-smoke] FAIL', e);
  process.exitCode = 1;
}
