export default definePageConfig({
  navigationBarTitleText: '预订会议室',
});
