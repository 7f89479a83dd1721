import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { hasRole, type Visit } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { fetchMe } from '@/services/auth';
import { useSession } from '@/stores/session';
import { guardApi } from '../../guard-api';
import type { VisitorAlert } from '../../guard-alerts';
import type { StatusFilter } from '../../guard-expected';
import { guardGates } from '../../guard-gates';
import { useVisitorAlerts } from '../../use-visitor-alerts';
import { ExpectedTab } from './expected-tab';
import { PassagesTab } from './passages-tab';
import { VerifyTab } from './verify-tab';
import './index.scss';

type Tab = 'expected' | 'verify' | 'passages';

const TABS: readonly { value: Tab; label: string }[] = [
  { value: 'expected', label: '预约名单' },
  { value: 'verify', label: '核验' },
  { value: 'passages', label: '通行记录' },
];

const DECISION_TOAST_MS = 3000;

/** The guard's console: today's expected visitors, code checks and the passage log at one of their gates. */
export default function GuardPage() {
  const signedIn = useRequireSession();
  const me = useSession((s) => s.me);
  const isGuard = me ? hasRole(me.roles, 'guard') : false;
  const passages = useApi(guardApi.passages, { enabled: signedIn && isGuard, refreshOnShow: true });
  const passageItems = passages.data?.items;
  const gates = useMemo(() => (me ? guardGates(me, passageItems) : []), [me, passageItems]);
  const [chosenGateId, setChosenGateId] = useState<string | null>(null);
  const gate = gates.find((g) => g.id === chosenGateId) ?? gates[0];
  const gateId = gate?.id;

  const [tab, setTab] = useState<Tab>('expected');
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const [alarm, setAlarm] = useState<{ title: string; body: string } | null>(null);

  const fetchExpected = useCallback(
    () => (gateId ? guardApi.expected({ gateId, q: q || undefined }) : Promise.resolve({ items: [] })),
    [gateId, q],
  );
  const expected = useApi(fetchExpected, { enabled: signedIn && gateId !== undefined, refreshOnShow: true });
  /** Visits changed here, over the list they were changed in (a newer list already has them). */
  const [changed, setChanged] = useState<{ base: unknown; visits: Record<string, Visit> }>({
    base: null,
    visits: {},
  });
  const expectedItems = useMemo(() => {
    const overrides = changed.base === expected.data ? changed.visits : {};
    return expected.data?.items.map((v) => overrides[v.id] ?? v);
  }, [expected.data, changed]);

  const forgetKept = () => setKept(new Set());

  const chooseGate = (id: string | null) => {
    setChosenGateId(id);
    forgetKept();
  };

  const search = (next: string) => {
    setQ(next);
    forgetKept();
  };

  const chooseFilter = (next: StatusFilter) => {
    setFilter(next);
    forgetKept();
  };

  const updated = (visit: Visit) => {
    setChanged((c) => ({
      base: expected.data,
      visits: { ...(c.base === expected.data ? c.visits : {}), [visit.id]: visit },
    }));
    setKept((ids) => new Set([...ids, visit.id]));
    void passages.reload();
  };

  const chooseTab = (next: Tab) => {
    setTab(next);
    if (next === 'expected') void expected.reload();
    if (next === 'passages') void passages.reload();
  };

  useVisitorAlerts((alert: VisitorAlert) => {
    if (!gateId) return;
    if (alert.kind === 'blocked') {
      setAlarm({ title: alert.title, body: alert.body });
      void passages.reload();
    } else if (alert.kind === 'decided') {
      void Taro.showToast({ title: alert.title, icon: 'none', duration: DECISION_TOAST_MS });
    }
    void expected.reload();
  });

  const openWalkIn = () => {
    if (!gateId) return;
    void Taro.navigateTo({ url: `/visitors/pages/walk-in/index?gateId=${encodeURIComponent(gateId)}` });
  };

  return (
    <View className="page guard">
      <StateView loading={!signedIn} isEmpty={!gate} emptyText="仅门岗人员可以使用门岗工作台">
        {gate ? (
          <>
            <View className="card guard__head">
              <View className="guard__gate-box">
                <Text className="muted">当前门岗</Text>
                {gates.length > 1 ? (
                  <Picker
                    mode="selector"
                    range={gates.map((g) => g.name)}
                    value={gates.indexOf(gate)}
                    onChange={(e) => chooseGate(gates[Number(e.detail.value)]?.id ?? null)}
                  >
                    <Text className="guard__gate guard__gate--picker">{gate.name} ›</Text>
                  </Picker>
                ) : (
                  <Text className="guard__gate">{gate.name}</Text>
                )}
              </View>
              <Button className="guard__walk-in" onClick={openWalkIn}>
                现场登记
              </Button>
            </View>

            {alarm ? (
              <View className="guard__alarm">
                <Text className="guard__alarm-title">{alarm.title}</Text>
                <Text className="guard__alarm-body">{alarm.body}</Text>
                <Button className="guard__alarm-close" size="mini" onClick={() => setAlarm(null)}>
                  知道了
                </Button>
              </View>
            ) : null}

            <View className="guard__tabs">
              {TABS.map((t) => (
                <Text
                  key={t.value}
                  className={`guard__tab${t.value === tab ? ' guard__tab--active' : ''}`}
                  onClick={() => chooseTab(t.value)}
                >
                  {t.label}
                </Text>
              ))}
            </View>

            {tab === 'expected' ? (
              <ExpectedTab
                gateId={gate.id}
                items={expectedItems}
                loading={expected.loading}
                error={expected.error}
                reload={expected.reload}
                q={q}
                onSearch={search}
                filter={filter}
                onFilter={chooseFilter}
                kept={kept}
                onUpdated={updated}
              />
            ) : null}
            {tab === 'verify' ? (
              <VerifyTab
                gate={gate}
                onChecked={() => {
                  void passages.reload();
                  void expected.reload();
                }}
                onStaleGates={() => void fetchMe().catch(() => undefined)}
              />
            ) : null}
            {tab === 'passages' ? <PassagesTab passages={passages} /> : null}
          </>
        ) : null}
      </StateView>
    </View>
  );
}
