import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import { denyReasonLabels, hasRole, type GateDecision } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { fetchMe } from '@/services/auth';
import { formatTime } from '@/services/format-time';
import { ApiError, errorMessage } from '@/services/request';
import { useSession } from '@/stores/session';
import { visitorsApi, type Passage } from '../../api';
import { guardGates, type GuardGate } from '../../guard-gates';
import { directionLabels, viaLabels } from '../../passage-labels';
import './index.scss';

type Direction = Passage['direction'];

interface Verdict extends GateDecision {
  gate: GuardGate;
  direction: Direction;
}

/** Errors that mean this phone's idea of the guard's gates is out of date. */
const STALE_GATE_ERRORS: readonly string[] = ['VISITORS_NOT_YOUR_GATE', 'DIRECTORY_GATE_NOT_FOUND'];

export default function GuardPage() {
  const signedIn = useRequireSession();
  const me = useSession((s) => s.me);
  const isGuard = me ? hasRole(me.roles, 'guard') : false;
  const passages = useApi(visitorsApi.passages, { enabled: signedIn && isGuard, refreshOnShow: true });
  const items = passages.data?.items;
  const gates = useMemo(() => (me ? guardGates(me, items) : []), [me, items]);
  const [gateId, setGateId] = useState<string | null>(null);
  const gate = gates.find((g) => g.id === gateId) ?? gates[0];
  const [direction, setDirection] = useState<Direction>('in');
  const [typed, setTyped] = useState('');
  const [checking, setChecking] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const verify = async (code: string) => {
    if (!gate) return;
    setChecking(true);
    setVerdict(null);
    setProblem(null);
    try {
      const decision = await visitorsApi.guardScan({ gateId: gate.id, code, direction });
      setVerdict({ ...decision, gate, direction });
      setTyped('');
      void passages.reload();
    } catch (error) {
      setProblem(errorMessage(error));
      if (error instanceof ApiError && STALE_GATE_ERRORS.includes(error.code)) {
        void fetchMe().catch(() => undefined);
      }
    } finally {
      setChecking(false);
    }
  };

  const scan = async () => {
    let code: string;
    try {
      ({ result: code } = await Taro.scanCode({ onlyFromCamera: true }));
    } catch (error) {
      const cancelled = /cancel/.test((error as { errMsg?: string } | undefined)?.errMsg ?? '');
      if (!cancelled) setProblem('无法打开扫码，请检查相机权限后重试');
      return;
    }
    await verify(code);
  };

  const verifyTyped = () => {
    const code = typed.trim();
    if (code === '') {
      setProblem('请输入通行码');
      return;
    }
    void verify(code);
  };

  return (
    <View className="page guard">
      <StateView loading={!signedIn} isEmpty={!gate} emptyText="仅门岗人员可以使用门岗核验">
        {gate ? (
          <View className="card">
            <View className="info-row">
              <Text className="info-row__label">门岗</Text>
              {gates.length > 1 ? (
                <Picker
                  mode="selector"
                  range={gates.map((g) => g.name)}
                  value={gates.indexOf(gate)}
                  onChange={(e) => setGateId(gates[Number(e.detail.value)]?.id ?? null)}
                >
                  <Text className="guard__gate guard__gate--picker">{gate.name} ›</Text>
                </Picker>
              ) : (
                <Text className="guard__gate">{gate.name}</Text>
              )}
            </View>
            <View className="info-row">
              <Text className="info-row__label">方向</Text>
              <View className="guard__directions">
                {(['in', 'out'] as const).map((d) => (
                  <Text
                    key={d}
                    className={`guard__direction${d === direction ? ' guard__direction--active' : ''}`}
                    onClick={() => setDirection(d)}
                  >
                    {d === 'in' ? '进' : '出'}
                  </Text>
                ))}
              </View>
            </View>
            {process.env.TARO_ENV === 'weapp' ? (
              <ActionButton
                className="button button--primary"
                loading={checking}
                disabled={checking}
                onClick={() => void scan()}
              >
                扫码核验
              </ActionButton>
            ) : (
              <>
                <View className="field guard__field">
                  <Input
                    className="field__input"
                    placeholder="输入或粘贴通行码"
                    maxlength={256}
                    value={typed}
                    onInput={(e) => setTyped(e.detail.value)}
                    onConfirm={verifyTyped}
                  />
                </View>
                <ActionButton
                  className="button button--primary"
                  loading={checking}
                  disabled={checking}
                  onClick={verifyTyped}
                >
                  核验
                </ActionButton>
              </>
            )}
            {problem ? <Text className="form-error guard__problem">{problem}</Text> : null}
          </View>
        ) : null}

        {verdict ? (
          <View className={`card guard__verdict guard__verdict--${verdict.decision}`}>
            <Text className="guard__verdict-title">
              {verdict.decision === 'allow' ? '允许通行' : '禁止通行'}
            </Text>
            {verdict.reason ? (
              <Text className="guard__verdict-reason">{denyReasonLabels[verdict.reason]}</Text>
            ) : null}
            <Text className="guard__verdict-display">{verdict.display}</Text>
            <Text className="muted">
              {verdict.gate.name} · {directionLabels[verdict.direction]}
            </Text>
          </View>
        ) : null}

        {gate ? (
          <View className="card">
            <Text className="card__title">今日通行记录</Text>
            <StateView
              loading={passages.loading && !items}
              error={items ? undefined : passages.error}
              isEmpty={items?.length === 0}
              emptyText="今日暂无通行记录"
              onRetry={passages.reload}
            >
              {items?.map((p) => (
                <View key={p.id} className="list-item passage">
                  <View className="list-item__main">
                    <Text className="list-item__title">{p.display}</Text>
                    <Text className="muted">
                      {formatTime(p.at)} · {p.gate.name} · {directionLabels[p.direction]} · {viaLabels[p.via]}
                    </Text>
                    {p.reason ? <Text className="passage__reason">{denyReasonLabels[p.reason]}</Text> : null}
                  </View>
                  <Text className={`passage__decision passage__decision--${p.decision}`}>
                    {p.decision === 'allow' ? '通过' : '拒绝'}
                  </Text>
                </View>
              ))}
            </StateView>
          </View>
        ) : null}
      </StateView>
    </View>
  );
}
