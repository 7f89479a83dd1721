import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // Taro's own H5 implementations, the same ones the H5 build uses
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
      { find: /^@tarojs\/taro$/, replacement: '@tarojs/plugin-platform-h5/dist/runtime/apis' },
      { find: /^@\//, replacement: src },
    ],
  },
  define: {
    // build-time constant read by @tarojs/components/lib/react
    DEPRECATED_ADAPTER_COMPONENT: 'false',
    'process.env.TARO_ENV': JSON.stringify('h5'),
    'process.env.TARO_PLATFORM': JSON.stringify('web'),
    'process.env.TARO_APP_API_BASE': JSON.stringify('http://api.test'),
    'process.env.TARO_APP_WECHAT_MOCK_BASE': JSON.stringify('http://wx-mock.test'),
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    css: false,
    server: { deps: { inline: [/@tarojs\//] } },
  },
});
