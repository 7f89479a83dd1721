export default definePageConfig({
  navigationBarTitleText: '我的预约码',
  // weapp: the share menu sends the booking page (useShareAppMessage in index.tsx)
  enableShareAppMessage: true,
});
