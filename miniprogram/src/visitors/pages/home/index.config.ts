export default definePageConfig({
  navigationBarTitleText: '访客',
  enablePullDownRefresh: true,
});
