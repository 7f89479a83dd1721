import { Text, View } from '@tarojs/components';
import type { VisitorPass } from '@dayuan/shared';
import { InfoRow } from '@/components/info-row';
import { formatWindow } from '../format-window';
import { closedText, needsProfile, passStage, showsCode, statusLabel, waitingFor } from '../pass-status';
import { PassQr } from './pass-qr';
import { ProfileForm } from './profile-form';

interface Props {
  pass: VisitorPass;
  onChanged: (pass: VisitorPass) => void;
  onStale: () => void;
}

/** One pass: what it is for, where it stands, and what the visitor does next. */
export function PassCard({ pass, onChanged, onStale }: Props) {
  const stage = passStage(pass);
  const { profile } = pass;

  return (
    <View className={`card pass-card pass-card--${stage}`}>
      <View className="pass-card__head">
        <Text className="pass-card__title">拜访 {pass.hostName}</Text>
        <Text className={`pass-card__status pass-card__status--${pass.status}`}>{statusLabel(pass)}</Text>
      </View>

      {stage === 'waiting' ? (
        <View className="pass-card__notice">
          <Text className="pass-card__notice-title">等待审批</Text>
          <Text className="muted">{waitingFor(pass)}，审批通过后可在此查看通行码。</Text>
        </View>
      ) : null}
      {stage === 'closed' ? (
        <View className="pass-card__notice">
          <Text className="pass-card__notice-title">{closedText(pass)}</Text>
          {pass.decisionNote ? <Text className="muted">说明：{pass.decisionNote}</Text> : null}
        </View>
      ) : null}
      {needsProfile(pass) ? <ProfileForm pass={pass} onDone={onChanged} onStale={onStale} /> : null}
      {showsCode(pass) ? <PassQr passId={pass.id} onStale={onStale} /> : null}

      <InfoRow label="来访时间" value={formatWindow(pass.windowStart, pass.windowEnd)} />
      <InfoRow label="通行区域" value={pass.gates.map((g) => g.name).join('、') || '—'} />
      <InfoRow label="进出次数" value={`已用 ${pass.entries.used} / ${pass.entries.max} 次`} />
      <InfoRow label="来访事由" value={pass.purpose} />
      <InfoRow
        label="访客"
        value={profile.company ? `${profile.name}（${profile.company}）` : profile.name}
      />
      {profile.idNumberMasked ? <InfoRow label="身份证号" value={profile.idNumberMasked} /> : null}
      {profile.plate ? <InfoRow label="车牌号" value={profile.plate} /> : null}
      {stage !== 'closed' && pass.decisionNote ? (
        <InfoRow label="审批说明" value={pass.decisionNote} />
      ) : null}
    </View>
  );
}
