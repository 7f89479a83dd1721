import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, errorMessage } from '@/services/request';
import { useSession } from '@/stores/session';
import { visitorsApi, type Decision } from '../../api';
import { awaitsMe, canCancel, needsApprovalsCheck } from '../../visit-rules';
import { DecisionPanel } from './decision-panel';
import { VisitDetails, type PersonalData } from './visit-details';
import './index.scss';

type Action = 'decide' | 'cancel' | 'reveal';

/** Errors that mean the visit changed under me: say so and show it as it is now. */
const RELOAD_ON: readonly string[] = [
  'VISITORS_REQUEST_EXPIRED',
  'VISITORS_STATE_CONFLICT',
  'VISITORS_NOT_AWAITING_YOU',
];

/** The approvals list is short (it empties as people decide); one page of the largest size covers it. */
const APPROVALS_PAGE_SIZE = 100;

/** Confirms with a native dialog; a dialog that fails to open counts as "no". */
async function confirm(options: Taro.showModal.Option): Promise<boolean> {
  try {
    return (await Taro.showModal(options)).confirm;
  } catch {
    return false;
  }
}

export default function VisitPage() {
  const signedIn = useRequireSession();
  const id = useRouter().params.id ?? '';
  const meId = useSession((s) => s.me?.id);
  const fetchVisit = useCallback(() => visitorsApi.visit(id), [id]);
  const {
    data: visit,
    error,
    loading,
    reload,
  } = useApi(fetchVisit, {
    enabled: signedIn && id !== '',
    refreshOnShow: true,
  });
  const fetchOnMyApprovals = useCallback(
    () =>
      visitorsApi
        .visits({ scope: 'approvals', page: 1, pageSize: APPROVALS_PAGE_SIZE })
        .then((page) => page.items.some((v) => v.id === id)),
    [id],
  );
  const approvals = useApi(fetchOnMyApprovals, {
    enabled: signedIn && visit !== undefined && needsApprovalsCheck(visit, meId),
  });
  const [busy, setBusy] = useState<Action | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [personal, setPersonal] = useState<(PersonalData & { visitId: string }) | null>(null);

  const act = async (action: Action, run: () => Promise<unknown>, done?: string) => {
    setBusy(action);
    setProblem(null);
    try {
      await run();
      if (done) void Taro.showToast({ title: done, icon: 'success' });
      if (action !== 'reveal') void reload();
    } catch (failure) {
      setProblem(errorMessage(failure));
      if (failure instanceof ApiError && RELOAD_ON.includes(failure.code)) {
        void reload();
        void approvals.reload();
      }
    } finally {
      setBusy(null);
    }
  };

  const decide = (approve: boolean, note: string) => {
    const body: Decision = note.trim() ? { approve, note: note.trim() } : { approve };
    void act('decide', () => visitorsApi.decide(id, body), approve ? '已同意' : '已拒绝');
  };

  const cancel = async () => {
    const confirmed = await confirm({
      title: '取消来访',
      content: '取消后访客的通行证立即失效，确定取消吗？',
      confirmText: '取消来访',
      confirmColor: '#ff4d4f',
      cancelText: '再想想',
    });
    if (confirmed) await act('cancel', () => visitorsApi.cancel(id), '已取消');
  };

  const reveal = async () => {
    const confirmed = await confirm({
      title: '查看完整信息',
      content: '将显示访客完整的手机号和身份证号。查看记录将被留存，请仅在工作需要时查看。',
      confirmText: '查看',
    });
    if (!confirmed) return;
    await act('reveal', async () => setPersonal({ visitId: id, ...(await visitorsApi.personalData(id)) }));
  };

  const mine = visit ? awaitsMe(visit, meId, approvals.data === true) : false;

  return (
    <View className="page visit">
      <StateView
        loading={!signedIn || (loading && !visit)}
        error={visit ? undefined : error}
        isEmpty={!visit}
        emptyText="未指定来访记录"
        onRetry={reload}
      >
        {visit ? (
          <>
            <VisitDetails
              visit={visit}
              personal={personal?.visitId === visit.id ? personal : null}
              revealing={busy === 'reveal'}
              onReveal={() => void reveal()}
            />
            {problem ? <Text className="form-error visit__problem">{problem}</Text> : null}
            {mine ? <DecisionPanel busy={busy === 'decide'} onDecide={decide} /> : null}
            {canCancel(visit, meId) ? (
              <View className="visit__cancel">
                <ActionButton
                  className="button button--danger"
                  loading={busy === 'cancel'}
                  disabled={busy !== null}
                  onClick={() => void cancel()}
                >
                  取消来访
                </ActionButton>
              </View>
            ) : null}
          </>
        ) : null}
      </StateView>
    </View>
  );
}
