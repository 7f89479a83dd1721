import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import QRCode from 'qrcode';
import { asciiToBase64 } from '@/utils/base64';

interface Props {
  text: string;
  /** Sizes the image (and the empty box while the first code is drawn). */
  className: string;
}

/**
 * A QR code of `text`: `qrcode` writes an SVG, shown by <Image> as a base64 data URI. No canvas, DOM or
 * `wx` global, so weapp and H5 run the same code. A new text replaces the old image once it is drawn.
 */
export function QrImage({ text, className }: Props) {
  const [drawn, setDrawn] = useState<{ text: string; src: string } | null>(null);
  const [failedText, setFailedText] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (svg) => {
        if (current) setDrawn({ text, src: `data:image/svg+xml;base64,${asciiToBase64(svg)}` });
      },
      () => {
        if (current) setFailedText(text);
      },
    );
    return () => {
      current = false;
    };
  }, [text]);

  if (failedText === text) return <Text className="form-error">二维码生成失败，请稍后重试</Text>;
  if (!drawn) return <View className={className} />;
  return <Image className={className} src={drawn.src} mode="aspectFit" />;
}
