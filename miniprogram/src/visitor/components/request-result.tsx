import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { visitStatusLabels, type VisitorPass } from '@dayuan/shared';
import { InfoRow } from '@/components/info-row';
import { formatWindow } from '../format-window';
import { waitingFor } from '../pass-status';

export const PASS_PAGE = '/visitor/pages/pass/index';

/** The request as the server recorded it: 待审批 and whom it waits for, and the way to the pass. */
export function RequestResult({ pass }: { pass: VisitorPass }) {
  return (
    <View className="card request-result">
      <Text className="request-result__title">预约已提交</Text>
      <Text className="request-result__status">{visitStatusLabels[pass.status]}</Text>
      {pass.status === 'pending' ? (
        <Text className="muted">{waitingFor(pass)}，结果将以短信通知您。</Text>
      ) : null}
      <View className="request-result__rows">
        <InfoRow label="被访人" value={pass.hostName} />
        <InfoRow label="来访时间" value={formatWindow(pass.windowStart, pass.windowEnd)} />
        <InfoRow label="通行区域" value={pass.gates.map((g) => g.name).join('、')} />
      </View>
      <Text className="request-result__link" onClick={() => void Taro.navigateTo({ url: PASS_PAGE })}>
        查看我的通行证 ›
      </Text>
    </View>
  );
}
