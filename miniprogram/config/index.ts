import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dayuan',
    date: '2026-11-21',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp and h5 outputs side by side; the root project.config.json points at dist/weapp
    outputRoot: `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      // npm keeps this package in miniprogram/node_modules (not hoisted), but Taro's api loader imports
      // its runtime from inside the hoisted @tarojs/taro-h5, where node resolution cannot see it.
      '@tarojs/plugin-framework-react': path.dirname(
        require.resolve('@tarojs/plugin-framework-react/package.json'),
      ),
    },
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: process.env.TARO_CACHE === '1' },
    mini: {
      // modules used only by a subpackage stay in <root>/sub-common instead of the main package
      optimizeMainPackage: { enable: true },
      webpackChain(chain, webpack) {
        // The WeChat JS runtime on devices has no TextEncoder (qrcode@1.5.4 needs it).
        chain
          .plugin('provide-text-encoder')
          .use(webpack.ProvidePlugin, [
            { TextEncoder: [path.resolve(__dirname, '..', 'src/polyfills/text-encoder.ts'), 'default'] },
          ]);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of
        // zod and @dayuan/shared; splitting all chunks shares them.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      devServer: {
        host: '127.0.0.1',
        port: 10086,
        // TARO_APP_API_BASE is empty: the API (and its WebSocket) is same-origin, proxied to the server in dev
        proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true, ws: true } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
