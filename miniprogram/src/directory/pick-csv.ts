import Taro from '@tarojs/taro';

/** Lets the person choose a .csv file and returns its text, or null when they cancel. */
export function pickCsvText(): Promise<string | null> {
  return process.env.TARO_ENV === 'weapp' ? pickFromChat() : pickInBrowser();
}

/** weapp: a file sent in a WeChat chat (the only file source a mini-program has). */
async function pickFromChat(): Promise<string | null> {
  let path: string | undefined;
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] });
    path = tempFiles[0]?.path;
  } catch {
    return null; // cancelled
  }
  if (!path) return null;
  const filePath = path;
  const text = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'utf8',
      success: (res) => resolve(String(res.data)),
      fail: reject,
    });
  });
  return stripBom(text);
}

/** h5: a file input; UTF-8 files read as such, anything else as GB18030 (Excel's default in China). */
function pickInBrowser(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv';
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file.arrayBuffer().then((buffer) => resolve(stripBom(decode(buffer))), reject);
    });
    input.click();
  });
}

function decode(buffer: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}
