import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { errorTable, visitRoutes } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { ApiError } from '@/services/request';
import { useGuestSession } from '@/stores/guest-session';
import { visitorApi } from '../../api';
import { InvitationSignIn } from '../../components/invitation-sign-in';
import { PassList } from '../../components/pass-list';
import { PhoneSignIn } from '../../components/phone-sign-in';
import { formatWindow } from '../../format-window';
import { pageParam } from '../../page-params';
import '../../visitor.scss';
import './index.scss';

const PHONE_HINT = '请输入接收来访短信的手机号，验证后查看您的通行证。';

/**
 * A visitor's passes. Opened from the SMS invitation (`?t=<link token>`): who invites, when, and the
 * SMS code sent to the invited phone; without a link: phone + SMS code. A stored guest session for the
 * same phone skips the code, so the link opened again later shows the pass at once.
 */
export default function PassPage() {
  const { params } = useRouter();
  const token = pageParam(params, 't');
  const session = useGuestSession((s) => s.session);
  const tokenIsWellFormed =
    token !== '' && visitRoutes.invitationLink.params?.safeParse({ token }).success === true;
  const fetchInvitation = useCallback(() => visitorApi.invitation(token), [token]);
  const invitation = useApi(fetchInvitation, { enabled: tokenIsWellFormed });

  if (!token) {
    return (
      <View className="page visitor-pass">
        {session ? <PassList /> : <PhoneSignIn title="查看我的通行证" hint={PHONE_HINT} />}
      </View>
    );
  }

  const linkIsInvalid =
    !tokenIsWellFormed ||
    (invitation.error instanceof ApiError && invitation.error.code === 'VISITORS_LINK_INVALID');
  if (linkIsInvalid) {
    // An old link (the visit is over, or the host sent a new one) still leads to the passes.
    return (
      <View className="page visitor-pass">
        {session ? (
          <PassList />
        ) : (
          <>
            <View className="card visitor-pass__invalid">
              <Text className="form-error">{errorTable.VISITORS_LINK_INVALID.message}</Text>
              <Text className="muted">
                如已收到新的邀请短信，请打开新链接；也可以用手机号验证后查看通行证。
              </Text>
            </View>
            <PhoneSignIn title="用手机号查看" hint={PHONE_HINT} />
          </>
        )}
      </View>
    );
  }

  const link = invitation.data;
  return (
    <View className="page visitor-pass">
      <StateView
        loading={invitation.loading && !link}
        error={link ? undefined : invitation.error}
        onRetry={invitation.reload}
      >
        {link ? (
          <>
            <View className="card visitor-pass__invitation">
              <Text className="visitor-pass__host">{link.hostName} 邀请您来访</Text>
              <Text className="visitor-pass__window">{formatWindow(link.windowStart, link.windowEnd)}</Text>
              <Text className="muted">受邀手机号 {link.phoneMasked}</Text>
            </View>
            {session?.phoneMasked === link.phoneMasked ? (
              <PassList />
            ) : (
              <InvitationSignIn token={token} phoneMasked={link.phoneMasked} />
            )}
          </>
        ) : null}
      </StateView>
    </View>
  );
}
