import Taro from '@tarojs/taro';

export const INBOX_PAGE = '/pages/inbox/index';
/** The tabBar pages in app.config order. */
export const TAB_PAGES: readonly string[] = ['/pages/workbench/index', INBOX_PAGE, '/pages/me/index'];
export const INBOX_TAB_INDEX = TAB_PAGES.indexOf(INBOX_PAGE);

/**
 * Opens an in-app link such as a notification's. A tab page opens with switchTab, which takes no query;
 * any other page with navigateTo.
 */
export function openLink(link: string): Promise<unknown> {
  const [path = link] = link.split('?');
  return TAB_PAGES.includes(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url: link });
}
