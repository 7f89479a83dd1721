import { Button, type ButtonProps } from '@tarojs/components';

/**
 * Taro's Button, for buttons that can be disabled. On H5 `disabled={false}` still writes
 * `disabled="false"`, which Taro's own `taro-button-core[disabled]` style greys out; an enabled
 * ActionButton leaves the attribute off.
 */
export function ActionButton({ disabled, ...props }: ButtonProps) {
  return <Button {...props} disabled={disabled || undefined} />;
}
