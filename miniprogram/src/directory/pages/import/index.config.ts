export default definePageConfig({
  navigationBarTitleText: '人员导入',
});
