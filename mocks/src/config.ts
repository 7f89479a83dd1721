/**
 * Default fixtures of the mocks. They are made-up values for loopback use only; the server's mock profile
 * uses the same values (see README, "Server configuration").
 */
export const defaultPorts = { wechat: 7101, sms: 7103 } as const;

export interface SubscribeTemplate {
  /** Template id (letters and digits, ≤ 43 chars), as the mini-program admin console shows it. */
  id: string;
  title: string;
  /** Keyword keys; the prefix before the digits is the value type (`thing`, `time`, `phrase`…). */
  keywords: string[];
}

export const wechatFixtures = {
  appid: 'wx0123456789demo0',
  secret: 'demo0secret0of0the0wechat0mock00',
  /**
   * Pages of the "released" mini-program (keep in step with miniprogram/src/app.config.ts, or set
   * WECHAT_MOCK_PAGES); the first one is the home page.
   */
  pages: [
    'pages/workbench/index',
    'pages/me/index',
    'pages/login/index',
    'directory/pages/people/index',
    'directory/pages/person/index',
    'directory/pages/import/index',
    'visitors/pages/home/index',
    'visitors/pages/visit/index',
    'visitors/pages/guard/index',
    'visitor/pages/pass/index',
    'visitor/pages/request/index',
  ],
  /** One-time subscribe-message templates of the app. */
  subscribeTemplates: [
    {
      id: 'tmplAccountChange00000000000000000001',
      title: '账号变更提醒',
      keywords: ['thing1', 'thing2', 'time3'],
    },
    {
      id: 'tmplAnnouncement000000000000000000001',
      title: '通知公告提醒',
      keywords: ['thing1', 'thing2', 'time3'],
    },
    {
      id: 'tmplVisitorArrived0000000000000000001',
      title: '访客到达提醒',
      keywords: ['thing1', 'thing2', 'time3'],
    },
    {
      id: 'tmplVisitRequest000000000000000000001',
      title: '来访审批提醒',
      keywords: ['thing1', 'thing2', 'time3'],
    },
  ] satisfies SubscribeTemplate[],
};

export interface SmsTemplate {
  id: string;
  /** Approved text with `{1}`, `{2}`… placeholders. */
  text: string;
}

export const smsFixtures = {
  secretId: 'AKIDmockDayuanSms0000000000000000000',
  secretKey: 'mockDayuanSmsSecretKey0000000000',
  sdkAppId: '1400000001',
  signNames: ['数字大院'],
  templates: [
    { id: '1000001', text: '您的验证码为{1}，{2}分钟内有效。如非本人操作，请忽略本短信。' },
    { id: '1000002', text: '{1}邀请您于{2}来访，请点击 {3} 填写来访信息。' },
    { id: '1000003', text: '您的访客通行证已生效，有效期{1}至{2}，请点击 {3} 查看通行码。' },
    { id: '1000004', text: '{1}发布了通知《{2}》，请打开数字大院小程序查看。' },
    { id: '1000005', text: '您预约拜访{1}的来访申请{2}。{3}' },
    { id: '1000006', text: '来访提醒：您的来访将于{1}开始，请点击 {2} 查看通行码。' },
    { id: '1000007', text: '{1}邀请您参加会议「{2}」，时间{3}，地点{4}。请点击 {5} 查看入园通行证。' },
    { id: '1000008', text: '您受邀参加的会议「{1}」已改至{2}，通行证有效期已随之调整，请点击 {3} 查看。' },
    { id: '1000009', text: '您受邀参加的会议「{1}」（{2}）已取消，入园通行证已作废。' },
  ] satisfies SmsTemplate[],
};
