import { useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button, Switch, Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { QrImage } from '@/components/qr-image';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { errorMessage } from '@/services/request';
import { useSession } from '@/stores/session';
import { visitorsApi, type BookingLink } from '../../api';
import { NumberStepper } from '../../components/number-stepper';
import { shareMessage } from './share-message';
import './index.scss';

const DAILY_CAP = { min: 1, max: 20 } as const;

/** Only a mini-program has a share menu; the hook exists only there. */
const useShare = process.env.TARO_ENV === 'weapp' ? useShareAppMessage : () => undefined;

export default function BookingLinkPage() {
  const signedIn = useRequireSession();
  const hostName = useSession((s) => s.me?.name);
  const fetched = useApi(visitorsApi.bookingLink, { enabled: signedIn });
  /** What a change here returned (or, while it is under way, what it asked for), ahead of the loaded link. */
  const [changed, setChanged] = useState<{ base: BookingLink | undefined; link: BookingLink } | null>(null);
  const link = changed && changed.base === fetched.data ? changed.link : fetched.data;
  const [saving, setSaving] = useState<'settings' | 'renew' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useShare(() => (link ? shareMessage(link, hostName) : { title: '预约来访' }));

  const save = async (change: { dailyCap?: number; enabled?: boolean; renew?: true }, done?: string) => {
    if (!link) return;
    const base = fetched.data;
    const { renew, ...settings } = change;
    setChanged({ base, link: { ...link, ...settings } });
    setSaving(renew ? 'renew' : 'settings');
    setProblem(null);
    try {
      const next = await visitorsApi.updateBookingLink({
        dailyCap: settings.dailyCap ?? link.dailyCap,
        enabled: settings.enabled ?? link.enabled,
        ...(renew ? { renew } : {}),
      });
      setChanged({ base, link: next });
      if (done) void Taro.showToast({ title: done, icon: 'success' });
    } catch (failure) {
      setChanged({ base, link });
      setProblem(errorMessage(failure));
    } finally {
      setSaving(null);
    }
  };

  const renew = async () => {
    const answer = await Taro.showModal({
      title: '更换预约码',
      content: '更换后旧预约码立即失效，已分享或打印的旧码将不能再用于预约。确定更换吗？',
      confirmText: '更换',
      confirmColor: '#ff4d4f',
    }).catch(() => ({ confirm: false }));
    if (answer.confirm) await save({ renew: true }, '已更换');
  };

  const copy = (text: string) => {
    void Taro.setClipboardData({ data: text }).catch(() => undefined);
  };

  return (
    <View className="page booking-link">
      <StateView
        loading={!signedIn || (fetched.loading && !link)}
        error={link ? undefined : fetched.error}
        onRetry={fetched.reload}
      >
        {link ? (
          <>
            <View className="card booking-link__card">
              <Text className="muted">我的预约码</Text>
              <Text className="booking-link__code">{link.code}</Text>
              <QrImage
                className={`booking-link__qr${link.enabled ? '' : ' booking-link__qr--off'}`}
                text={link.url ?? link.code}
              />
              {!link.enabled ? <Text className="form-error">预约码已停用，访客暂时不能用它预约</Text> : null}
              <Text className="muted booking-link__explain">
                {link.url
                  ? '访客扫码即可打开预约页提交来访申请，申请需经您审批。'
                  : '二维码内容为预约码：访客在“数字大院”小程序的访客预约页输入或扫描此码即可提交来访申请，申请需经您审批。'}
              </Text>
            </View>
            <View className="booking-link__buttons">
              {process.env.TARO_ENV === 'weapp' ? (
                <Button className="button button--primary" openType="share">
                  转发给访客
                </Button>
              ) : null}
              <Button className="button" onClick={() => copy(link.url ?? link.code)}>
                {link.url ? '复制预约链接' : '复制预约码'}
              </Button>
            </View>

            <View className="card">
              <Text className="card__title">预约设置</Text>
              <View className="switch-row">
                <Text>接受预约</Text>
                <Switch
                  checked={link.enabled}
                  color="#1677ff"
                  disabled={saving !== null || undefined}
                  onChange={(e) => void save({ enabled: e.detail.value })}
                />
              </View>
              <View className="switch-row">
                <Text>每日上限</Text>
                <NumberStepper
                  value={link.dailyCap}
                  min={DAILY_CAP.min}
                  max={DAILY_CAP.max}
                  disabled={saving !== null}
                  format={(n) => `${n} 人`}
                  onChange={(dailyCap) => void save({ dailyCap })}
                />
              </View>
              <Text className="muted">每天最多接受的预约申请数，约满后访客需改约其他日期。</Text>
            </View>

            {problem ? <Text className="form-error booking-link__problem">{problem}</Text> : null}
            <View className="booking-link__buttons">
              <ActionButton
                className="button button--danger"
                loading={saving === 'renew'}
                disabled={saving !== null}
                onClick={() => void renew()}
              >
                更换预约码
              </ActionButton>
            </View>
          </>
        ) : null}
      </StateView>
    </View>
  );
}
