export default definePageConfig({
  navigationBarTitleText: '会务服务任务',
  enablePullDownRefresh: true,
});
