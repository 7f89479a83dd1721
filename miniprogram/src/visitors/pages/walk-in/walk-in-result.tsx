import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { visitStatusLabels, type Visit } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { errorMessage } from '@/services/request';
import { GateVisitCard } from '../../components/gate-visit-card';
import { guardApi } from '../../guard-api';
import { manualActions, reasonProblem, REASON_MAX } from '../../guard-expected';

export const DEFAULT_CHECK_IN_REASON = '现场登记，被访人已确认';
const GUARD_PAGE = '/visitors/pages/guard/index';

/** Where a registered walk-in stands, in the words a guard tells the visitor. */
function phase(visit: Visit): { title: string; hint: string | null; tone: 'wait' | 'ok' | 'no' } {
  switch (visit.status) {
    case 'pending':
      return visit.awaiting === 'approver'
        ? {
            title: '被访人已同意，等待审批人确认',
            hint: '审批通过后可登记入园，本页会自动更新',
            tone: 'wait',
          }
        : { title: '已通知被访人，等待确认', hint: '被访人确认后，本页会自动更新', tone: 'wait' };
    case 'approved':
      return { title: '被访人已确认，可以入园', hint: null, tone: 'ok' };
    case 'checked_in':
      return { title: '已登记入园', hint: null, tone: 'ok' };
    case 'rejected':
      return { title: '被访人未同意来访', hint: '请告知访客，勿放行', tone: 'no' };
    default:
      return { title: visitStatusLabels[visit.status], hint: null, tone: 'no' };
  }
}

interface Props {
  visit: Visit;
  gateId: string;
  /** Asks the server for the visit now. */
  onRefresh: () => void;
  refreshProblem: string | null;
  onCheckedIn: (visit: Visit) => void;
  onNext: () => void;
}

/** After a walk-in is registered: wait for the host, then let the visitor in with a reason. */
export function WalkInResult({ visit, gateId, onRefresh, refreshProblem, onCheckedIn, onNext }: Props) {
  const [reason, setReason] = useState(DEFAULT_CHECK_IN_REASON);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { title, hint, tone } = phase(visit);
  const canCheckIn = visit.status === 'approved' && manualActions(visit).canCheckIn;

  const checkIn = async () => {
    const issue = reasonProblem(reason);
    if (issue) {
      setProblem(issue);
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      onCheckedIn(await guardApi.checkIn(visit.id, { gateId, reason: reason.trim() }));
      void Taro.showToast({ title: '已登记入园', icon: 'success' });
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const back = () => {
    // Opened from the console, back is there; opened any other way, go to the console.
    void Taro.navigateBack().catch(() => Taro.redirectTo({ url: GUARD_PAGE }).catch(() => undefined));
  };

  return (
    <>
      <View className={`card walk-in__phase walk-in__phase--${tone}`}>
        <Text className="walk-in__phase-title">{title}</Text>
        {hint ? <Text className="walk-in__phase-hint">{hint}</Text> : null}
      </View>

      <View className="card">
        <GateVisitCard visit={visit} />
        {visit.status === 'pending' ? (
          <>
            {refreshProblem ? (
              <Text className="form-error walk-in__refresh-problem">{refreshProblem}</Text>
            ) : null}
            <Button className="button" onClick={onRefresh}>
              立即刷新
            </Button>
          </>
        ) : null}
      </View>

      {canCheckIn ? (
        <View className="card">
          <Text className="card__title">入园原因</Text>
          <Input
            className="walk-in__reason"
            placeholder="登记原因（2–100 字）"
            maxlength={REASON_MAX}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          {problem ? <Text className="form-error">{problem}</Text> : null}
          <ActionButton
            className="button button--primary walk-in__big-button"
            loading={saving}
            disabled={saving}
            onClick={() => void checkIn()}
          >
            登记入园
          </ActionButton>
        </View>
      ) : null}

      <View className="walk-in__actions">
        <Button className="button" onClick={onNext}>
          继续登记下一位
        </Button>
        <Button className="button button--plain" onClick={back}>
          返回门岗工作台
        </Button>
      </View>
    </>
  );
}
