export default definePageConfig({
  navigationBarTitleText: '会议室使用统计',
  enablePullDownRefresh: true,
});
