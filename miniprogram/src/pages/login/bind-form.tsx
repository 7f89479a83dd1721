import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { BaseEventOrig, ButtonProps } from '@tarojs/components';
import { BindSmsBodySchema, EmployeeNoSchema } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { bindByPhone, bindBySms, sendSmsCode } from '@/services/auth';
import { ApiError, errorMessage } from '@/services/request';

interface Props {
  bindTicket: string;
  /** The ticket expired or was used: start over from WeChat login. */
  onTicketInvalid: (error: ApiError) => void;
}

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * Binds a new WeChat user to their directory entry: WeChat's phone-number button (weapp),
 * or employee number + SMS code (both platforms). Success signs in; the page moves on.
 */
export function BindForm({ bindTicket, onTicketInvalid }: Props) {
  const [employeeNo, setEmployeeNo] = useState('');
  const [smsCode, setSmsCode] = useState('');
  const [problem, setProblem] = useState('');
  const [sentTo, setSentTo] = useState('');
  const [cooldown, setCooldown] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (cooldown <= 0) return;
    const timer = setTimeout(() => setCooldown((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem('');
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'AUTH_BIND_TICKET_INVALID') onTicketInvalid(error);
      else setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const requestCode = () => {
    const parsed = EmployeeNoSchema.safeParse(employeeNo);
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? '请输入工号');
    void run(async () => {
      const res = await sendSmsCode(bindTicket, parsed.data);
      setSentTo(res.phoneMasked);
      setCooldown(res.resendAfterSeconds);
    });
  };

  const bind = () => {
    const parsed = BindSmsBodySchema.safeParse({ bindTicket, employeeNo, smsCode });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? '请检查输入');
    void run(() => bindBySms(bindTicket, parsed.data.employeeNo, parsed.data.smsCode));
  };

  const onPhoneNumber = (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const { code } = event.detail;
    if (!code) return setProblem('需要授权手机号才能快捷绑定，也可以使用工号和短信验证码绑定');
    void run(() => bindByPhone(bindTicket, code));
  };

  return (
    <View className="bind-form">
      <Text className="bind-form__intro">首次登录，请绑定您在通讯录中的身份</Text>
      {isWeapp ? (
        <>
          <ActionButton
            className="button button--primary"
            openType="getPhoneNumber"
            disabled={busy}
            onGetPhoneNumber={onPhoneNumber}
          >
            手机号快捷绑定
          </ActionButton>
          <Text className="bind-form__or">或使用工号和短信验证码</Text>
        </>
      ) : null}
      <View className="field">
        <Input
          className="field__input"
          placeholder="请输入工号"
          value={employeeNo}
          maxlength={20}
          onInput={(e) => setEmployeeNo(e.detail.value)}
        />
      </View>
      <View className="field field--with-action">
        <Input
          className="field__input"
          type="number"
          placeholder="请输入短信验证码"
          value={smsCode}
          maxlength={6}
          onInput={(e) => setSmsCode(e.detail.value)}
        />
        <ActionButton
          className="field__action"
          type="default"
          size="mini"
          disabled={busy || cooldown > 0}
          onClick={requestCode}
        >
          {cooldown > 0 ? `${cooldown} 秒后重发` : '获取验证码'}
        </ActionButton>
      </View>
      {sentTo ? <Text className="muted">验证码已发送至 {sentTo}</Text> : null}
      {problem ? <Text className="form-error">{problem}</Text> : null}
      <ActionButton className="button button--primary" loading={busy} disabled={busy} onClick={bind}>
        绑定并登录
      </ActionButton>
    </View>
  );
}
