import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { Visit } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { ApiError, errorMessage } from '@/services/request';
import { GateVisitCard } from '../../components/gate-visit-card';
import { guardApi } from '../../guard-api';
import { manualActions, reasonProblem, REASON_MAX } from '../../guard-expected';

type Action = 'in' | 'out';

const actionLabels: Record<Action, string> = { in: '手动登记入园', out: '手动登记离开' };
const doneLabels: Record<Action, string> = { in: '已登记入园', out: '已登记离开' };

/** Errors after which the list on this phone is out of date. */
const STALE_ERRORS: readonly string[] = ['VISITORS_STATE_CONFLICT', 'VISITORS_VISIT_NOT_FOUND'];

interface Props {
  visit: Visit;
  gateId: string;
  /** The server's copy after a manual check-in or check-out. */
  onUpdated: (visit: Visit) => void;
  /** The visit changed elsewhere: reload the list. */
  onStale: () => void;
}

/**
 * One expected visitor. A guard lets them in or out by hand (lost phone, dead battery…) only with a
 * reason, which the server audits and shows on the passage.
 */
export function ExpectedRow({ visit, gateId, onUpdated, onStale }: Props) {
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { canCheckIn, canCheckOut } = manualActions(visit);

  const open = (next: Action) => {
    setAction(next);
    setReason('');
    setProblem(null);
  };

  const submit = async () => {
    if (!action) return;
    const issue = reasonProblem(reason);
    if (issue) {
      setProblem(issue);
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const body = { gateId, reason: reason.trim() };
      const fresh = await (action === 'in'
        ? guardApi.checkIn(visit.id, body)
        : guardApi.checkOut(visit.id, body));
      void Taro.showToast({ title: doneLabels[action], icon: 'success' });
      setAction(null);
      onUpdated(fresh);
    } catch (error) {
      setProblem(errorMessage(error));
      if (error instanceof ApiError && STALE_ERRORS.includes(error.code)) onStale();
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className={`expected-row${visit.blocked ? ' expected-row--blocked' : ''}`}>
      <GateVisitCard visit={visit} />
      {action ? (
        <View className="expected-row__reason">
          <Text className="expected-row__reason-title">{actionLabels[action]}</Text>
          <Input
            className="expected-row__reason-input"
            placeholder="请填写原因（2–100 字），如：访客手机没电，已核对身份证"
            maxlength={REASON_MAX}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          {problem ? <Text className="form-error">{problem}</Text> : null}
          <View className="expected-row__actions">
            <Button
              className="expected-row__action"
              disabled={saving || undefined}
              onClick={() => setAction(null)}
            >
              取消
            </Button>
            <ActionButton
              className="expected-row__action button--primary"
              loading={saving}
              disabled={saving}
              onClick={() => void submit()}
            >
              确认{action === 'in' ? '入园' : '离开'}
            </ActionButton>
          </View>
        </View>
      ) : canCheckIn || canCheckOut ? (
        <View className="expected-row__actions">
          {canCheckIn ? (
            <Button className="expected-row__action" onClick={() => open('in')}>
              {actionLabels.in}
            </Button>
          ) : null}
          {canCheckOut ? (
            <Button className="expected-row__action" onClick={() => open('out')}>
              {actionLabels.out}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
