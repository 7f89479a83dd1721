export default definePageConfig({
  navigationBarTitleText: '消息投递',
  enablePullDownRefresh: true,
});
