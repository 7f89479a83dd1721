import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { CnMobileSchema } from '@dayuan/shared';
import { useGuestSession } from '@/stores/guest-session';
import { visitorApi } from '../api';
import { SmsCodeForm } from './sms-code-form';

interface Props {
  title: string;
  hint: string;
}

/** Phone number + SMS code (guest sign-in): for visitors who arrive without an invitation link. */
export function PhoneSignIn({ title, hint }: Props) {
  const [phone, setPhone] = useState('');
  const parsed = CnMobileSchema.safeParse(phone);
  const number = parsed.data ?? phone;

  return (
    <View className="card">
      <Text className="card__title">{title}</Text>
      <Text className="muted visitor-hint">{hint}</Text>
      <SmsCodeForm
        validate={() => (parsed.success ? null : (parsed.error.issues[0]?.message ?? '请输入手机号'))}
        onSend={() => visitorApi.sendSmsCode(number)}
        onVerify={async (code) =>
          useGuestSession.getState().save(await visitorApi.signIn(number, code), number)
        }
      >
        <View className="field">
          <Input
            className="field__input"
            type="number"
            placeholder="请输入手机号"
            value={phone}
            maxlength={11}
            onInput={(e) => setPhone(e.detail.value)}
          />
        </View>
      </SmsCodeForm>
    </View>
  );
}
