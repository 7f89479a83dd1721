import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import { hasRole, type PersonSummary, type Visit } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, errorMessage, showApiError } from '@/services/request';
import { useSession } from '@/stores/session';
import { issuesByField, type FieldIssues } from '../../field-issues';
import { guardApi } from '../../guard-api';
import { guardGates } from '../../guard-gates';
import { useVisitorAlerts } from '../../use-visitor-alerts';
import {
  WALK_IN_FIELDS,
  checkWalkIn,
  emptyWalkIn,
  nowHhmm,
  type WalkInField,
  type WalkInForm,
} from '../../walk-in-form';
import { HostPicker } from './host-picker';
import { WalkInResult } from './walk-in-result';
import './index.scss';

/** How often a pending walk-in is asked for again (the realtime notification usually comes first). */
export const POLL_MS = 4000;

type TextField = Exclude<keyof WalkInForm, 'until'>;

const TEXT_FIELDS: readonly {
  key: TextField;
  label: string;
  placeholder: string;
  type?: 'text' | 'number' | 'idcard';
  maxlength: number;
}[] = [
  { key: 'name', label: '姓名', placeholder: '访客姓名', maxlength: 30 },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'number', maxlength: 11 },
  { key: 'company', label: '单位', placeholder: '选填', maxlength: 60 },
  { key: 'purpose', label: '事由', placeholder: '来访事由', maxlength: 100 },
  { key: 'plate', label: '车牌号', placeholder: '选填，如 浙A12345', maxlength: 10 },
  { key: 'idNumber', label: '身份证号', placeholder: '18 位身份证号', type: 'idcard', maxlength: 18 },
];

/**
 * 现场登记 (`?gateId=`): a guard registers a visitor who arrived uninvited. The host is asked at once; the
 * page follows the decision (realtime notification, and polling while pending) and, once approved, lets
 * the visitor in with a reason.
 */
export default function WalkInPage() {
  const signedIn = useRequireSession();
  const me = useSession((s) => s.me);
  const isGuard = me ? hasRole(me.roles, 'guard') : false;
  const gateId = useRouter().params.gateId ?? '';
  const myGate = useMemo(() => (me ? guardGates(me).some((g) => g.id === gateId) : false), [me, gateId]);
  const zones = useApi(guardApi.zones, { enabled: signedIn && isGuard && myGate });
  const zone = zones.data?.items.find((z) => z.id === gateId);

  const [form, setForm] = useState<WalkInForm>(() => emptyWalkIn());
  const [host, setHost] = useState<PersonSummary | null>(null);
  const [issues, setIssues] = useState<FieldIssues<WalkInField>>({});
  const [blocked, setBlocked] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [visit, setVisitState] = useState<Visit | null>(null);
  const [refreshProblem, setRefreshProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(true);
  /** Bumped by every change of `visit`: a poll that started before one is stale. */
  const version = useRef(0);

  const setVisit = (next: Visit | null) => {
    version.current += 1;
    setVisitState(next);
  };

  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));

  const visitId = visit?.id;
  const refresh = useCallback(async () => {
    if (!visitId) return;
    const started = version.current;
    try {
      const fresh = await guardApi.visit(visitId);
      if (started !== version.current) return;
      version.current += 1;
      setVisitState(fresh);
      setRefreshProblem(null);
    } catch (error) {
      if (started === version.current) setRefreshProblem(errorMessage(error));
    }
  }, [visitId]);

  const pending = visit?.status === 'pending';
  useEffect(() => {
    if (!pending || !shown) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, shown, refresh]);

  useVisitorAlerts((alert) => {
    if (alert.kind !== 'decided' || !visitId || alert.visitId !== visitId) return;
    void Taro.showToast({ title: alert.title, icon: 'none', duration: 3000 });
    void refresh();
  });

  const change = (key: keyof WalkInForm, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setIssues(({ [key]: _dropped, ...rest }) => rest);
  };

  const pickHost = (person: PersonSummary | null) => {
    setHost(person);
    setIssues(({ hostId: _dropped, ...rest }) => rest);
  };

  const submit = async () => {
    if (!zone) return;
    const checked = checkWalkIn(form, {
      gateId,
      hostId: host?.id ?? null,
      idNumberRequired: zone.idNumberRequired,
    });
    if ('issues' in checked) {
      setIssues(checked.issues);
      return;
    }
    setIssues({});
    setBlocked(false);
    setSubmitting(true);
    try {
      setVisit(await guardApi.walkIn(checked.body));
      setRefreshProblem(null);
    } catch (error) {
      if (!(error instanceof ApiError)) showApiError(error);
      else if (error.code === 'VISITORS_BLOCKED') setBlocked(true);
      else if (error.code === 'VISITORS_HOST_NOT_FOUND') setIssues({ hostId: error.message });
      else if (error.code === 'VISITORS_ID_NUMBER_REQUIRED') setIssues({ idNumber: error.message });
      else if (error.code === 'VISITORS_WINDOW_INVALID') setIssues({ until: error.message });
      else if (error.details.length > 0) setIssues(issuesByField(error.details, WALK_IN_FIELDS));
      else showApiError(error);
    } finally {
      setSubmitting(false);
    }
  };

  const next = () => {
    setVisit(null);
    setForm(emptyWalkIn());
    setHost(null);
    setIssues({});
    setBlocked(false);
  };

  const emptyText = !isGuard
    ? '仅门岗人员可以现场登记'
    : !myGate
      ? '您不负责该门岗，请从门岗工作台进入'
      : '未找到该门岗，请返回门岗工作台重试';

  return (
    <View className="page walk-in">
      <StateView
        loading={!signedIn || (zones.loading && !zones.data)}
        error={zones.data ? undefined : zones.error}
        isEmpty={!isGuard || !myGate || !zone}
        emptyText={emptyText}
        onRetry={zones.reload}
      >
        {zone && visit ? (
          <WalkInResult
            visit={visit}
            gateId={gateId}
            onRefresh={() => void refresh()}
            refreshProblem={refreshProblem}
            onCheckedIn={setVisit}
            onNext={next}
          />
        ) : null}

        {zone && !visit ? (
          <>
            <View className="card walk-in__gate">
              <Text className="muted">登记门岗</Text>
              <Text className="walk-in__gate-name">{zone.name}</Text>
              {zone.idNumberRequired ? <Text className="walk-in__policy">本门岗要求登记身份证号</Text> : null}
            </View>

            {blocked ? (
              <View className="card walk-in__blocked">
                <Text className="walk-in__blocked-title">禁止来访</Text>
                <Text className="walk-in__blocked-text">
                  该访客在禁止来访名单中，无法登记。请勿放行，并联系值班领导。
                </Text>
              </View>
            ) : null}

            <View className="card">
              <Text className="card__title">访客信息</Text>
              {TEXT_FIELDS.map((field) => {
                const required =
                  field.key === 'name' ||
                  field.key === 'phone' ||
                  field.key === 'purpose' ||
                  (field.key === 'idNumber' && zone.idNumberRequired);
                return (
                  <View key={field.key}>
                    <View className="field walk-in__field">
                      <Text className="walk-in__label">
                        {field.label}
                        {required ? <Text className="walk-in__required">*</Text> : null}
                      </Text>
                      <Input
                        className="field__input"
                        type={field.type ?? 'text'}
                        placeholder={
                          field.key === 'idNumber' && !required ? '选填，18 位身份证号' : field.placeholder
                        }
                        maxlength={field.maxlength}
                        value={form[field.key]}
                        onInput={(e) => change(field.key, e.detail.value)}
                      />
                    </View>
                    {issues[field.key] ? <Text className="form-error">{issues[field.key]}</Text> : null}
                  </View>
                );
              })}
              <Picker
                mode="time"
                value={form.until}
                start={nowHhmm()}
                end="23:59"
                onChange={(e) => change('until', e.detail.value)}
              >
                <View className="field walk-in__field">
                  <Text className="walk-in__label">
                    离开时间<Text className="walk-in__required">*</Text>
                  </Text>
                  <Text className="field__input">今天 {form.until} ›</Text>
                </View>
              </Picker>
              {issues.until ? <Text className="form-error">{issues.until}</Text> : null}
            </View>

            <View className="card">
              <Text className="card__title">被访人</Text>
              <HostPicker host={host} onPick={pickHost} issue={issues.hostId} />
            </View>

            {[issues.gateId, ...(issues.other ?? [])].filter(Boolean).map((issue, index) => (
              <Text key={index} className="form-error walk-in__other">
                {issue}
              </Text>
            ))}
            <View className="walk-in__actions">
              <ActionButton
                className="button button--primary walk-in__big-button"
                loading={submitting}
                disabled={submitting}
                onClick={() => void submit()}
              >
                提交登记并通知被访人
              </ActionButton>
            </View>
          </>
        ) : null}
      </StateView>
    </View>
  );
}
