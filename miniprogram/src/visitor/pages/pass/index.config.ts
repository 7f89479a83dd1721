export default definePageConfig({
  navigationBarTitleText: '来访通行证',
  enablePullDownRefresh: true,
});
