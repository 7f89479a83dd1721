export default definePageConfig({
  navigationBarTitleText: '门岗工作台',
  enablePullDownRefresh: true,
});
