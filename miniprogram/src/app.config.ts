export default defineAppConfig({
  pages: ['pages/workbench/index', 'pages/inbox/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'directory',
      name: 'directory',
      pages: ['pages/people/index', 'pages/person/index', 'pages/import/index'],
    },
    {
      root: 'notifications',
      name: 'notifications',
      pages: ['pages/announce/index', 'pages/deliveries/index'],
    },
    {
      root: 'visitors',
      name: 'visitors',
      pages: [
        'pages/entry-code/index',
        'pages/home/index',
        'pages/invite/index',
        'pages/visit/index',
        'pages/booking-link/index',
        'pages/guard/index',
        'pages/walk-in/index',
        'pages/admin/index',
      ],
    },
    {
      root: 'meeting-rooms',
      name: 'meeting-rooms',
      pages: [
        'pages/home/index',
        'pages/book/index',
        'pages/booking/index',
        'pages/mine/index',
        'pages/room/index',
        'pages/approvals/index',
        'pages/service-tasks/index',
        'pages/stats/index',
        'pages/admin/index',
      ],
    },
    {
      // Visitors open these from an SMS link or a booking code: no staff login, and an independent
      // subpackage, so WeChat does not download the whole super-app first.
      root: 'visitor',
      name: 'visitor',
      pages: ['pages/pass/index', 'pages/request/index'],
      independent: true,
    },
  ],
  preloadRule: {
    'pages/workbench/index': { network: 'all', packages: ['directory', 'visitors', 'meeting-rooms'] },
  },
  tabBar: {
    color: '#8c8c8c',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // keep in step with TAB_PAGES in services/navigation.ts
    list: [
      { pagePath: 'pages/workbench/index', text: '工作台' },
      { pagePath: 'pages/inbox/index', text: '消息' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#1677ff',
    navigationBarTitleText: '数字大院',
    navigationBarTextStyle: 'white',
  },
});
