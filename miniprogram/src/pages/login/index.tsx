import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  WECHAT_MOCK_BASE,
  WORKBENCH_PAGE,
  deviceOpenid,
  newDeviceOpenid,
  wechatLogin,
  type DemoAccount,
} from '@/services/auth';
import { ActionButton } from '@/components/action-button';
import { showApiError, type ApiError } from '@/services/request';
import { useSession } from '@/stores/session';
import { BindForm } from './bind-form';
import { DemoAccounts } from './demo-accounts';
import './index.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';
/** H5 against the mocks: the page plays the WeChat client, so a demo user can be picked. */
const isMockMode = !isWeapp && WECHAT_MOCK_BASE !== '';

export default function LoginPage() {
  const signedIn = useSession((s) => s.tokens !== null);
  const [bindTicket, setBindTicket] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Signing in (by any path) moves on to the workbench.
  useEffect(() => {
    if (signedIn) void Taro.reLaunch({ url: WORKBENCH_PAGE });
  }, [signedIn]);

  const login = async (openid?: string) => {
    setBusy(true);
    try {
      const result = await wechatLogin(openid);
      if (result.status === 'bind_required') setBindTicket(result.bindTicket);
    } catch (error) {
      showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  const restart = (error: ApiError) => {
    setBindTicket(null);
    showApiError(error);
  };

  const canQuickLogin = isWeapp || (isMockMode && deviceOpenid() !== null);
  return (
    <View className="page login">
      <View className="login__brand">
        <Text className="login__title">数字大院</Text>
        <Text className="login__slogan">机关事务 一站办理</Text>
      </View>
      {bindTicket ? (
        <View className="card">
          <BindForm bindTicket={bindTicket} onTicketInvalid={restart} />
          <Button className="button button--plain" onClick={() => setBindTicket(null)}>
            返回
          </Button>
        </View>
      ) : (
        <>
          {canQuickLogin ? (
            <View className="login__actions">
              <ActionButton
                className="button button--primary"
                loading={busy}
                disabled={busy}
                onClick={() => void login()}
              >
                微信一键登录
              </ActionButton>
            </View>
          ) : null}
          {isMockMode ? (
            <>
              <DemoAccounts disabled={busy} onPick={(account: DemoAccount) => void login(account.openid)} />
              <View className="login__actions">
                <ActionButton
                  className="button"
                  type="default"
                  disabled={busy}
                  onClick={() => void login(newDeviceOpenid())}
                >
                  以新微信用户登录
                </ActionButton>
              </View>
            </>
          ) : null}
          {!isWeapp && !isMockMode ? (
            <View className="state-view">
              <Text className="state-view__text">请在微信中打开「数字大院」小程序登录</Text>
            </View>
          ) : null}
        </>
      )}
    </View>
  );
}
