export default definePageConfig({
  navigationBarTitleText: '会议室',
  enablePullDownRefresh: true,
});
