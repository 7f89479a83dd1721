import { useState, type ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { errorTable, GuestCodeSchema } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { errorMessage } from '@/services/request';
import { useGuestSession } from '@/stores/guest-session';
import { deadlineIn, useCountdown, type Deadline } from '@/hooks/use-countdown';

interface Props {
  /** Checks what the visitor typed before a code is sent; returns the problem to show, if any. */
  validate?: () => string | null;
  /** Sends the code; answers where it went and when another may be asked for. */
  onSend: () => Promise<{ phoneMasked: string; resendAfterSeconds: number }>;
  /** Exchanges the code for a guest session and stores it. */
  onVerify: (code: string) => Promise<void>;
  /** Fields shown above the code (the phone number). */
  children?: ReactNode;
}

/** 获取验证码 with its resend countdown, the 6-digit code and 验证: the visitor proves the phone. */
export function SmsCodeForm({ validate, onSend, onVerify, children }: Props) {
  const expired = useGuestSession((s) => s.expired);
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState('');
  const [resendAt, setResendAt] = useState<Deadline>();
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const resendIn = useCountdown(resendAt, true);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem('');
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const send = () => {
    const invalid = validate?.();
    if (invalid) return setProblem(invalid);
    void run(async () => {
      const sent = await onSend();
      setSentTo(sent.phoneMasked);
      setResendAt(deadlineIn(sent.resendAfterSeconds));
    });
  };

  const verify = () => {
    const parsed = GuestCodeSchema.safeParse(code.trim());
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? '请输入验证码');
    void run(() => onVerify(parsed.data));
  };

  return (
    <View className="sms-code-form">
      {expired && !sentTo ? (
        <Text className="form-error">{errorTable.GUEST_TOKEN_INVALID.message}</Text>
      ) : null}
      {children}
      <View className="field">
        <Input
          className="field__input"
          type="number"
          placeholder="请输入 6 位验证码"
          value={code}
          maxlength={6}
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={verify}
        />
        <ActionButton
          className="field__action"
          type="default"
          size="mini"
          disabled={busy || resendIn > 0}
          onClick={send}
        >
          {resendIn > 0 ? `${resendIn} 秒后重新获取` : '获取验证码'}
        </ActionButton>
      </View>
      {sentTo ? <Text className="muted sms-code-form__sent">验证码已发送至 {sentTo}</Text> : null}
      {problem ? <Text className="form-error">{problem}</Text> : null}
      <ActionButton className="button button--primary" loading={busy} disabled={busy} onClick={verify}>
        验证
      </ActionButton>
    </View>
  );
}
