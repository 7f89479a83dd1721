import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Canvas, Text } from '@tarojs/components';
import drawQrcode from 'weapp-qrcode';

interface Props {
  canvasId: string;
  text: string;
  /** Canvas side in px. */
  size: number;
}

/** Blank border around the modules: scanners need a quiet zone, and weapp-qrcode draws none. */
const QUIET_ZONE = 12;
/** weapp-qrcode's error correction levels are { L: 1, M: 0, Q: 3, H: 2 }. */
const CORRECT_LEVEL_M = 0;

/**
 * A QR code drawn by `weapp-qrcode` on a legacy canvas. Passing `ctx` from Taro.createCanvasContext
 * (instead of letting the library call the global `wx`) makes the same code run in weapp and H5.
 */
export function QrCanvas({ canvasId, text, size }: Props) {
  const [failedText, setFailedText] = useState<string | null>(null);

  useEffect(() => {
    // H5: <Canvas> is a web component whose inner <canvas> appears a moment after mounting.
    const timer = setTimeout(() => {
      try {
        draw(canvasId, text, size);
      } catch {
        // The page went away meanwhile, or this client has no legacy canvas: the code text still works.
        setFailedText(text);
      }
    }, 100);
    return () => clearTimeout(timer);
  }, [canvasId, text, size]);

  return (
    <>
      <Canvas
        className="qr-canvas"
        canvasId={canvasId}
        id={canvasId}
        style={{ width: `${size}px`, height: `${size}px` }}
      />
      {failedText === text ? <Text className="form-error">二维码显示失败，请向门岗出示下方号码</Text> : null}
    </>
  );
}

function draw(canvasId: string, text: string, size: number): void {
  const ctx = Taro.createCanvasContext(canvasId);
  ctx.setFillStyle('#ffffff');
  ctx.fillRect(0, 0, size, size);
  drawQrcode({
    ctx,
    text,
    width: size - 2 * QUIET_ZONE,
    height: size - 2 * QUIET_ZONE,
    x: QUIET_ZONE,
    y: QUIET_ZONE,
    correctLevel: CORRECT_LEVEL_M,
    background: '#ffffff',
    foreground: '#000000',
  });
}
