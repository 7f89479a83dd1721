/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare module 'weapp-qrcode' {
  interface DrawQrcodeOptions {
    width: number;
    height: number;
    text: string;
    canvasId?: string;
    ctx?: unknown;
    typeNumber?: number;
    correctLevel?: number;
    background?: string;
    foreground?: string;
    x?: number;
    y?: number;
    callback?: () => void;
  }
  export default function drawQrcode(options: DrawQrcodeOptions): void;
}

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5';
    /** API origin; empty = same origin (the server serves the H5 build). */
    TARO_APP_API_BASE?: string;
    /** Base of the WeChat mock's control plane; H5 plays the phone through it. Empty outside dev. */
    TARO_APP_WECHAT_MOCK_BASE?: string;
  }
}
