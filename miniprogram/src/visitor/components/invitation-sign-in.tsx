import { Text, View } from '@tarojs/components';
import { useGuestSession } from '@/stores/guest-session';
import { visitorApi } from '../api';
import { SmsCodeForm } from './sms-code-form';

interface Props {
  /** The link token from the SMS. */
  token: string;
  phoneMasked: string;
}

/** The code goes to the phone the invitation was sent to: whoever holds it sees the pass. */
export function InvitationSignIn({ token, phoneMasked }: Props) {
  return (
    <View className="card">
      <Text className="card__title">验证手机号</Text>
      <Text className="muted visitor-hint">
        为保护您的信息，请输入发送至 {phoneMasked} 的短信验证码后查看通行证。
      </Text>
      <SmsCodeForm
        onSend={() => visitorApi.sendInvitationCode(token)}
        onVerify={async (code) =>
          useGuestSession.getState().save(await visitorApi.signInWithInvitation(token, code))
        }
      />
    </View>
  );
}
