import { useCallback, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, Input, Picker, Text, View } from '@tarojs/components';
import { equipmentLabels } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, errorMessage } from '@/services/request';
import { useSession } from '@/stores/session';
import { meetingRoomsApi, type Room, type RoomDetail } from '../../api';
import { noErrors, type FormErrors } from '../../booking-form';
import { RoomFormFields } from '../../components/room-form-fields';
import { PAGES } from '../../links';
import {
  byBuilding,
  checkClosure,
  checkRoom,
  closureFormErrors,
  draftOfRoom,
  emptyRoomDraft,
  roomFormErrors,
  splitDataUrl,
  type ClosureDraft,
  type RoomDraft,
} from '../../room-form';
import { hasRole } from '../../status';
import { formatDuration, formatSlot, shanghaiToday } from '../../time';
import './index.scss';

type Tab = 'rules' | 'closures' | 'door';

const NOT_ADMIN = new ApiError('AUTH_FORBIDDEN', '仅管理员可管理会议室', 403);

const adminUrl = (query: string) => `${PAGES.admin}?${query}`;

function withoutField(errors: FormErrors, field: string): FormErrors {
  if (!(field in errors.fields)) return errors;
  const { [field]: _cleared, ...fields } = errors.fields;
  return { ...errors, fields };
}

/** Where a refusal shows: next to its field when the server names one, above the button otherwise. */
function problemsOf(failure: unknown, sort: (d: ApiError['details']) => FormErrors): FormErrors {
  if (failure instanceof ApiError && failure.details.length > 0) {
    const sorted = sort(failure.details);
    return sorted.other.length > 0 ? { ...sorted, other: [failure.message, ...sorted.other] } : sorted;
  }
  return { fields: {}, other: [errorMessage(failure)] };
}

/** 会议室管理: rooms by building; `?id=` one room (rules, closures, door code); `?new=1` adds a room. */
export default function MeetingRoomsAdminPage() {
  const signedIn = useRequireSession();
  const roles = useSession((s) => s.me?.roles);
  const isAdmin = hasRole(roles, 'admin');
  const { id, new: isNew } = useRouter().params;

  if (signedIn && roles && !isAdmin) {
    return (
      <View className="page mr-admin">
        <StateView loading={false} error={NOT_ADMIN} />
      </View>
    );
  }
  if (id) return <RoomPanel id={id} enabled={signedIn} />;
  if (isNew) return <NewRoom enabled={signedIn} />;
  return <RoomList enabled={signedIn} />;
}

function RoomList({ enabled }: { enabled: boolean }) {
  const rooms = useApi(
    useCallback(() => meetingRoomsApi.rooms(), []),
    { enabled, refreshOnShow: true },
  );
  const groups = useMemo(() => byBuilding(rooms.data?.items ?? []), [rooms.data]);
  return (
    <View className="page mr-admin mr-admin--list">
      <View className="mr-actions">
        <Button
          className="button button--primary mr-admin__new"
          onClick={() => void Taro.navigateTo({ url: adminUrl('new=1') })}
        >
          新增会议室
        </Button>
      </View>
      <StateView
        loading={rooms.loading && !rooms.data}
        error={rooms.data ? undefined : rooms.error}
        isEmpty={groups.length === 0}
        emptyText="暂无会议室，点击上方按钮新增"
        onRetry={rooms.reload}
      >
        {groups.map((g) => (
          <View key={g.id} className="card mr-admin__building">
            <Text className="card__title">{g.name}</Text>
            {g.rooms.map((room) => (
              <RoomRow key={room.id} room={room} />
            ))}
          </View>
        ))}
      </StateView>
    </View>
  );
}

function RoomRow({ room }: { room: Room }) {
  return (
    <View
      className="list-item mr-admin__room"
      onClick={() => void Taro.navigateTo({ url: adminUrl(`id=${encodeURIComponent(room.id)}`) })}
    >
      <View className="list-item__main">
        <View className="mr-row__head">
          <Text className="list-item__title">
            {room.floor} 楼 {room.code} · {room.name}
          </Text>
          {room.restricted ? <Text className="mr-tag mr-tag--orange">需审批</Text> : null}
        </View>
        <Text className="muted">
          {room.capacity} 人 · 开放 {room.openFrom}–{room.openUntil}
          {room.equipment.length > 0 ? ` · ${room.equipment.map((e) => equipmentLabels[e]).join('、')}` : ''}
        </Text>
        <Text className="muted">
          单次最长 {formatDuration(room.maxDurationMinutes)} · 可提前 {room.maxDaysAhead} 天 · 至少提前{' '}
          {formatDuration(room.minNoticeMinutes)}
        </Text>
      </View>
      <Text className="mr-link">管理</Text>
    </View>
  );
}

interface RoomEditorProps {
  initial: RoomDraft;
  buildings?: { id: string; name: string }[];
  submitText: string;
  save: (draft: RoomDraft) => Promise<void>;
}

/** The room form with its check, field errors and button: shared by 新增 and 编辑. */
function RoomEditor({ initial, buildings, submitText, save }: RoomEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [sending, setSending] = useState(false);
  const change = (patch: Partial<RoomDraft>, field: keyof RoomDraft) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => withoutField(e, field));
  };
  const submit = async () => {
    const checked = checkRoom(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors(noErrors);
    setSending(true);
    try {
      await save(draft);
    } catch (failure) {
      setErrors(problemsOf(failure, roomFormErrors));
    } finally {
      setSending(false);
    }
  };
  return (
    <View className="card">
      <RoomFormFields draft={draft} errors={errors} buildings={buildings} onChange={change} />
      {errors.other.map((issue, index) => (
        <Text key={index} className="form-error mr-admin__other">
          {issue}
        </Text>
      ))}
      <ActionButton
        className="button button--primary mr-admin__save"
        disabled={sending}
        onClick={() => void submit()}
      >
        {submitText}
      </ActionButton>
    </View>
  );
}

function NewRoom({ enabled }: { enabled: boolean }) {
  const rooms = useApi(
    useCallback(() => meetingRoomsApi.rooms(), []),
    { enabled },
  );
  const buildings = useMemo(
    () => byBuilding(rooms.data?.items ?? []).map(({ id, name }) => ({ id, name })),
    [rooms.data],
  );
  const save = async (draft: RoomDraft) => {
    const checked = checkRoom(draft);
    if ('errors' in checked) return;
    const room = await meetingRoomsApi.createRoom(checked.body);
    void Taro.showToast({ title: '已新增', icon: 'success' });
    void Taro.redirectTo({ url: adminUrl(`id=${encodeURIComponent(room.id)}`) });
  };
  return (
    <View className="page mr-admin mr-admin--new">
      <StateView
        loading={rooms.loading && !rooms.data}
        error={rooms.data ? undefined : rooms.error}
        onRetry={rooms.reload}
      >
        <RoomEditor
          initial={emptyRoomDraft(buildings[0]?.id)}
          buildings={buildings}
          submitText="新增会议室"
          save={save}
        />
      </StateView>
    </View>
  );
}

function RoomPanel({ id, enabled }: { id: string; enabled: boolean }) {
  const [tab, setTab] = useState<Tab>('rules');
  const room = useApi(
    useCallback(() => meetingRoomsApi.room(id), [id]),
    { enabled },
  );
  const r = room.data;
  const save = async (draft: RoomDraft) => {
    const checked = checkRoom(draft);
    if ('errors' in checked) return;
    await meetingRoomsApi.updateRoom(id, checked.body);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    await room.reload();
  };
  const tabs: [Tab, string][] = [
    ['rules', '规则'],
    ['closures', '停用'],
    ['door', '门牌码'],
  ];
  return (
    <View className="page mr-admin mr-admin--room">
      <StateView loading={room.loading && !r} error={r ? undefined : room.error} onRetry={room.reload}>
        {r ? (
          <View>
            <View className="card">
              <View className="mr-row__head">
                <Text className="list-item__title">{r.name}</Text>
                {r.restricted ? <Text className="mr-tag mr-tag--orange">需审批</Text> : null}
              </View>
              <Text className="muted">
                {r.building.name} {r.floor} 楼 {r.code}
              </Text>
            </View>
            <View className="mr-tabs">
              {tabs.map(([key, label]) => (
                <Text
                  key={key}
                  className={`mr-tab mr-admin__tab-${key}${tab === key ? ' mr-tab--active' : ''}`}
                  onClick={() => setTab(key)}
                >
                  {label}
                </Text>
              ))}
            </View>
            {tab === 'rules' ? (
              <RoomEditor key={r.id} initial={draftOfRoom(r)} submitText="保存" save={save} />
            ) : null}
            {tab === 'closures' ? <Closures room={r} reload={room.reload} /> : null}
            {tab === 'door' ? <DoorCode room={r} /> : null}
          </View>
        ) : null}
      </StateView>
    </View>
  );
}

function emptyClosure(): ClosureDraft {
  const today = shanghaiToday();
  return { startDate: today, startTime: '08:00', endDate: today, endTime: '18:00', reason: '' };
}

function Closures({ room, reload }: { room: RoomDetail; reload: () => Promise<void> }) {
  const [draft, setDraft] = useState<ClosureDraft>(emptyClosure);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [sending, setSending] = useState(false);
  const change = (patch: Partial<ClosureDraft>, field: 'start' | 'end' | 'reason') => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => withoutField(e, field));
  };
  const error = (field: string) =>
    errors.fields[field] ? <Text className="form-error">{errors.fields[field]}</Text> : null;

  const add = async () => {
    const checked = checkClosure(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors(noErrors);
    setSending(true);
    try {
      await meetingRoomsApi.addClosure(room.id, checked.body);
      void Taro.showToast({ title: '已停用该时段', icon: 'success' });
      setDraft(emptyClosure());
      await reload();
    } catch (failure) {
      setErrors(problemsOf(failure, closureFormErrors));
    } finally {
      setSending(false);
    }
  };
  const remove = async (closureId: string, label: string) => {
    const { confirm } = await Taro.showModal({
      title: '恢复开放',
      content: `删除停用 ${label}？`,
      confirmText: '删除',
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    try {
      await meetingRoomsApi.removeClosure(closureId);
      void Taro.showToast({ title: '已删除', icon: 'success' });
      await reload();
    } catch (failure) {
      void Taro.showToast({ title: errorMessage(failure), icon: 'none' });
    }
  };

  return (
    <View>
      <View className="card">
        <Text className="card__title">即将到来的停用</Text>
        <StateView loading={false} isEmpty={room.closures.length === 0} emptyText="暂无停用安排">
          {room.closures.map((c) => {
            const label = formatSlot(c.start, c.end);
            return (
              <View key={c.id} className="list-item mr-admin__closure">
                <View className="list-item__main">
                  <Text className="list-item__title">{label}</Text>
                  <Text className="muted">{c.reason}</Text>
                </View>
                <Text className="mr-link mr-admin__closure-remove" onClick={() => void remove(c.id, label)}>
                  删除
                </Text>
              </View>
            );
          })}
        </StateView>
      </View>
      <View className="card">
        <Text className="card__title">新增停用</Text>
        <Text className="muted">开始</Text>
        <View className="mr-times">
          <Picker
            className="mr-picker mr-admin__closure-start-date"
            mode="date"
            value={draft.startDate}
            start={shanghaiToday()}
            onChange={(e) => change({ startDate: e.detail.value }, 'start')}
          >
            <View className="field">
              <Text className="mr-picker-value">{draft.startDate}</Text>
            </View>
          </Picker>
          <Picker
            className="mr-picker mr-admin__closure-start-time"
            mode="time"
            value={draft.startTime}
            onChange={(e) => change({ startTime: e.detail.value }, 'start')}
          >
            <View className="field">
              <Text className="mr-picker-value">{draft.startTime}</Text>
            </View>
          </Picker>
        </View>
        {error('start')}
        <Text className="muted">结束</Text>
        <View className="mr-times">
          <Picker
            className="mr-picker mr-admin__closure-end-date"
            mode="date"
            value={draft.endDate}
            start={draft.startDate}
            onChange={(e) => change({ endDate: e.detail.value }, 'end')}
          >
            <View className="field">
              <Text className="mr-picker-value">{draft.endDate}</Text>
            </View>
          </Picker>
          <Picker
            className="mr-picker mr-admin__closure-end-time"
            mode="time"
            value={draft.endTime}
            onChange={(e) => change({ endTime: e.detail.value }, 'end')}
          >
            <View className="field">
              <Text className="mr-picker-value">{draft.endTime}</Text>
            </View>
          </Picker>
        </View>
        {error('end')}
        <View className="field">
          <Input
            className="field__input mr-admin__closure-reason"
            placeholder="停用原因（如 设备检修）"
            maxlength={100}
            value={draft.reason}
            onInput={(e) => change({ reason: e.detail.value }, 'reason')}
          />
        </View>
        {error('reason')}
        {errors.other.length > 0 ? (
          <View className="mr-banner mr-admin__conflict">
            {errors.other.map((issue, index) => (
              <Text key={index} className="mr-admin__conflict-line">
                {issue}
              </Text>
            ))}
          </View>
        ) : null}
        <ActionButton
          className="button button--primary mr-admin__closure-add"
          disabled={sending}
          onClick={() => void add()}
        >
          停用该时段
        </ActionButton>
      </View>
    </View>
  );
}

/** Writes the door code to a temporary file and saves it to the album (weapp only). */
async function saveToAlbum(image: string, scene: string): Promise<void> {
  const parts = splitDataUrl(image);
  if (!parts) throw new ApiError('CONTRACT_MISMATCH', '门牌码图片格式不正确', 0);
  const filePath = `${Taro.env.USER_DATA_PATH}/door-code-${scene}.${parts.ext}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: parts.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (e) => reject(new ApiError('HTTP_ERROR', `写入图片失败：${e.errMsg}`, 0)),
    });
  });
  await Taro.saveImageToPhotosAlbum({ filePath });
}

function DoorCode({ room }: { room: RoomDetail }) {
  const code = useApi(useCallback(() => meetingRoomsApi.doorCode(room.id), [room.id]));
  const [saving, setSaving] = useState(false);
  const isWeapp = process.env.TARO_ENV === 'weapp';
  const save = async () => {
    if (!code.data) return;
    setSaving(true);
    try {
      await saveToAlbum(code.data.image, code.data.scene);
      void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch (failure) {
      const denied = /auth|deny|denied/i.test(String((failure as { errMsg?: string })?.errMsg ?? ''));
      void Taro.showToast({
        title: denied ? '请在设置中允许保存到相册' : errorMessage(failure),
        icon: 'none',
      });
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className="card mr-admin__door">
      <StateView
        loading={code.loading && !code.data}
        error={code.data ? undefined : code.error}
        onRetry={code.reload}
      >
        {code.data ? (
          <View className="mr-admin__door-body">
            <Image className="mr-admin__door-image" src={code.data.image} mode="aspectFit" />
            <Text className="mr-admin__door-caption">扫码签到 / 预订</Text>
            <Text className="mr-admin__door-room">
              {room.building.name} {room.name}
            </Text>
            {isWeapp ? (
              <ActionButton
                className="button button--primary mr-admin__door-save"
                disabled={saving}
                onClick={() => void save()}
              >
                保存图片
              </ActionButton>
            ) : (
              <Text className="muted mr-admin__door-hint">长按或右键图片即可保存，打印后贴在会议室门口</Text>
            )}
          </View>
        ) : null}
      </StateView>
    </View>
  );
}
