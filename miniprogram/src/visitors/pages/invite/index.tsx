import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, errorMessage } from '@/services/request';
import { visitorsApi } from '../../api';
import {
  MAX_VISITORS,
  checkInvite,
  emptyVisitor,
  inviteErrors,
  inviteSummary,
  noErrors,
  type InviteDraft,
  type InviteErrors,
  type VisitorDraft,
} from '../../invite-form';
import { defaultWindow } from '../../visit-format';
import { ScheduleFields } from './schedule-fields';
import { VisitorFields } from './visitor-fields';
import { ZoneList } from './zone-list';
import './index.scss';

const HOME_PAGE = 'visitors/pages/home/index';

/** Refusals that are about one part of the form. */
const FIELD_OF_CODE: Partial<Record<string, string>> = {
  VISITORS_WINDOW_INVALID: 'window',
  DIRECTORY_GATE_NOT_FOUND: 'gateIds',
};

/** Back to the visitors home: the page underneath when it is there (it reloads on show), else a fresh one. */
function backHome(): void {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  if (previous?.route?.includes(HOME_PAGE)) void Taro.navigateBack();
  else void Taro.redirectTo({ url: `/${HOME_PAGE}` });
}

function withoutField(errors: InviteErrors, field: string): InviteErrors {
  if (!(field in errors.fields)) return errors;
  const { [field]: _cleared, ...fields } = errors.fields;
  return { ...errors, fields };
}

export default function InvitePage() {
  const signedIn = useRequireSession();
  const zones = useApi(visitorsApi.zones, { enabled: signedIn });
  const nextKey = useRef(1);
  const [draft, setDraft] = useState<InviteDraft>(() => ({
    visitors: [emptyVisitor(0)],
    purpose: '',
    window: defaultWindow(),
    days: 1,
    gateIds: [],
    maxEntries: 1,
  }));
  const [errors, setErrors] = useState<InviteErrors>(noErrors);
  const [sending, setSending] = useState(false);

  const change = (patch: Partial<InviteDraft>, field: string) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => withoutField(withoutField(e, field), field.split('.')[0]!));
  };
  const changeVisitor = (index: number, field: Exclude<keyof VisitorDraft, 'key'>, value: string) =>
    change(
      { visitors: draft.visitors.map((v, i) => (i === index ? { ...v, [field]: value } : v)) },
      `visitors.${index}.${field}`,
    );
  const addVisitor = () =>
    change({ visitors: [...draft.visitors, emptyVisitor(nextKey.current++)] }, 'visitors');
  const removeVisitor = (index: number) => {
    setDraft((d) => ({ ...d, visitors: d.visitors.filter((_, i) => i !== index) }));
    // Rows below move up: their problems no longer match their positions.
    setErrors(noErrors);
  };
  const toggleZone = (id: string) =>
    change(
      {
        gateIds: draft.gateIds.includes(id) ? draft.gateIds.filter((g) => g !== id) : [...draft.gateIds, id],
      },
      'gateIds',
    );

  const submit = async () => {
    const checked = checkInvite(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors(noErrors);
    setSending(true);
    try {
      const { items } = await visitorsApi.invite(checked.body);
      await Taro.showModal({
        title: '邀请已发送',
        content: `已创建 ${items.length} 张通行证，短信已发送给 ${checked.body.visitors.length} 位访客。`,
        showCancel: false,
        confirmText: '好的',
      }).catch(() => undefined);
      backHome();
    } catch (failure) {
      setErrors(problemsOf(failure));
      if (failure instanceof ApiError && failure.code === 'DIRECTORY_GATE_NOT_FOUND') void zones.reload();
    } finally {
      setSending(false);
    }
  };

  const error = (field: string) =>
    errors.fields[field] ? <Text className="form-error">{errors.fields[field]}</Text> : null;
  const items = zones.data?.items;

  return (
    <View className="page invite">
      <View className="card">
        <Text className="card__title">
          访客（{draft.visitors.length}/{MAX_VISITORS}）
        </Text>
        {draft.visitors.map((visitor, index) => (
          <VisitorFields
            key={visitor.key}
            index={index}
            visitor={visitor}
            errorOf={(field) => errors.fields[`visitors.${index}.${field}`]}
            onChange={(field, value) => changeVisitor(index, field, value)}
            onRemove={draft.visitors.length > 1 ? () => removeVisitor(index) : undefined}
          />
        ))}
        {error('visitors')}
        {draft.visitors.length < MAX_VISITORS ? (
          <Text className="invite__add" onClick={addVisitor}>
            ＋ 添加访客
          </Text>
        ) : null}
      </View>

      <ScheduleFields schedule={draft} errorOf={(field) => errors.fields[field]} onChange={change} />

      <View className="card">
        <Text className="card__title">通行区域</Text>
        {error('gateIds')}
        <StateView
          loading={zones.loading && !items}
          error={items ? undefined : zones.error}
          isEmpty={items?.length === 0}
          emptyText="暂无可选的通行区域"
          onRetry={zones.reload}
        >
          <ZoneList zones={items ?? []} selected={draft.gateIds} onToggle={toggleZone} />
        </StateView>
      </View>

      <Text className="invite__summary">
        {inviteSummary(draft.visitors.length, draft.days)}，并以短信通知访客。
      </Text>
      {errors.other.map((issue, index) => (
        <Text key={index} className="form-error invite__other">
          {issue}
        </Text>
      ))}
      <View className="invite__actions">
        <ActionButton
          className="button button--primary"
          loading={sending}
          disabled={sending}
          onClick={() => void submit()}
        >
          发送邀请
        </ActionButton>
      </View>
    </View>
  );
}

/** Where a refused invitation's problem shows: next to its field when the server names one. */
function problemsOf(failure: unknown): InviteErrors {
  if (failure instanceof ApiError) {
    if (failure.details.length > 0) return inviteErrors(failure.details);
    const field = FIELD_OF_CODE[failure.code];
    if (field) return { fields: { [field]: failure.message }, other: [] };
  }
  return { fields: {}, other: [errorMessage(failure)] };
}
