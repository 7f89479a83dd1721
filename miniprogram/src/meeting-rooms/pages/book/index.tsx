import { useCallback, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import { MeetingService, meetingServiceLabels, type MeetingService as ServiceKind } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, errorMessage } from '@/services/request';
import { useSession } from '@/stores/session';
import { meetingRoomsApi, type SeriesBody, type SeriesPreview } from '../../api';
import { AttendeePicker } from '../../components/attendee-picker';
import {
  MAX_GUESTS,
  checkBooking,
  checkSeries,
  defaultRepeat,
  emptyGuest,
  formErrors,
  guestNote,
  noErrors,
  weekdayLabels,
  type BookDraft,
  type FormErrors,
  type GuestDraft,
  type RepeatDraft,
} from '../../booking-form';
import { bookingUrl, PAGES } from '../../links';
import { addDays, formatDuration, shanghaiToday, toClock, toMinutes, clockOf } from '../../time';
import './index.scss';

/** Refusals that are about one part of the form. */
const FIELD_OF_CODE: Partial<Record<string, string>> = {
  MEETING_ROOMS_TIME_INVALID: 'endTime',
  MEETING_ROOMS_OUTSIDE_OPEN_HOURS: 'startTime',
  MEETING_ROOMS_TOO_LONG: 'endTime',
  MEETING_ROOMS_TOO_FAR_AHEAD: 'date',
  MEETING_ROOMS_TOO_LATE: 'startTime',
  MEETING_ROOMS_ROOM_CLOSED: 'startTime',
  MEETING_ROOMS_SLOT_TAKEN: 'startTime',
  MEETING_ROOMS_ATTENDEE_NOT_FOUND: 'attendeeIds',
  MEETING_ROOMS_SERIES_TOO_MANY: 'count',
  MEETING_ROOMS_SERIES_EMPTY: 'weekdays',
};

/** Codes that deserve a banner above the button too (the clash is what people must act on). */
const BANNER_CODES = new Set([
  'MEETING_ROOMS_SLOT_TAKEN',
  'MEETING_ROOMS_ROOM_CLOSED',
  'MEETING_ROOMS_SERIES_NONE_FREE',
]);

function withoutField(errors: FormErrors, field: string): FormErrors {
  if (!(field in errors.fields)) return errors;
  const { [field]: _cleared, ...fields } = errors.fields;
  return { ...errors, fields };
}

function initialDraft(params: Record<string, string | undefined>): BookDraft {
  const date = params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : shanghaiToday();
  const startTime = params.start && /^\d{2}:\d{2}$/.test(params.start) ? params.start : '09:00';
  const endTime =
    params.end && /^\d{2}:\d{2}$/.test(params.end) ? params.end : toClock(toMinutes(startTime) + 60);
  return {
    roomId: params.roomId ?? '',
    title: '',
    date,
    startTime,
    endTime,
    attendees: [],
    guests: [],
    services: [],
    repeat: null,
  };
}

export default function BookPage() {
  const signedIn = useRequireSession();
  const me = useSession((s) => s.me);
  const router = useRouter();
  const [draft, setDraft] = useState<BookDraft>(() => initialDraft(router.params));
  const nextKey = useRef(1);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [banner, setBanner] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [preview, setPreview] = useState<{ body: SeriesBody; result: SeriesPreview } | null>(null);

  const room = useApi(
    useCallback(() => meetingRoomsApi.room(draft.roomId), [draft.roomId]),
    { enabled: signedIn && draft.roomId !== '' },
  );

  const change = (patch: Partial<BookDraft>, field: string) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => withoutField(withoutField(e, field), field.split('.')[0]!));
    setBanner(null);
    setPreview(null);
  };
  const changeGuest = (index: number, field: Exclude<keyof GuestDraft, 'key'>, value: string) =>
    change(
      { guests: draft.guests.map((g, i) => (i === index ? { ...g, [field]: value } : g)) },
      `guests.${index}.${field}`,
    );
  const removeGuest = (index: number) => {
    setDraft((d) => ({ ...d, guests: d.guests.filter((_, i) => i !== index) }));
    setErrors(noErrors);
  };
  const toggleService = (service: ServiceKind) =>
    change(
      {
        services: draft.services.includes(service)
          ? draft.services.filter((s) => s !== service)
          : [...draft.services, service],
      },
      'services',
    );
  const changeRepeat = (patch: Partial<RepeatDraft>, field: string) =>
    change({ repeat: { ...(draft.repeat ?? defaultRepeat(draft.date)), ...patch } }, field);

  const fail = (failure: unknown) => {
    setErrors(problemsOf(failure));
    if (failure instanceof ApiError && BANNER_CODES.has(failure.code)) {
      const detail = failure.details[0]?.issue;
      setBanner(detail ? `${failure.message}：${detail}` : failure.message);
    }
  };

  const submit = async () => {
    setBanner(null);
    if (draft.repeat) {
      const checked = checkSeries(draft, draft.repeat);
      if ('errors' in checked) return setErrors(checked.errors);
      setErrors(noErrors);
      setSending(true);
      try {
        setPreview({ body: checked.body, result: await meetingRoomsApi.previewSeries(checked.body) });
      } catch (failure) {
        fail(failure);
      } finally {
        setSending(false);
      }
      return;
    }
    const checked = checkBooking(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors(noErrors);
    setSending(true);
    try {
      const booking = await meetingRoomsApi.book(checked.body);
      void Taro.showToast({
        title: booking.status === 'pending' ? '已提交，等待审批' : '预订成功',
        icon: 'success',
      });
      void Taro.redirectTo({ url: bookingUrl(booking.id) });
    } catch (failure) {
      fail(failure);
    } finally {
      setSending(false);
    }
  };

  const confirmSeries = async () => {
    if (!preview) return;
    setSending(true);
    try {
      const { series, skipped } = await meetingRoomsApi.bookSeries(preview.body);
      const booked = series.occurrences.filter(
        (o) => !['cancelled', 'rejected', 'expired', 'released'].includes(o.status),
      );
      await Taro.showModal({
        title: '周期预订已提交',
        content:
          `已预订 ${booked.length} 次` +
          (skipped.length > 0
            ? `，跳过 ${skipped.length} 次：${skipped.map((s) => `${s.date} ${s.clash}`).join('；')}`
            : '。'),
        showCancel: false,
        confirmText: '好的',
      }).catch(() => undefined);
      const first = booked[0];
      void Taro.redirectTo({
        url: first ? bookingUrl(first.bookingId) : PAGES.mine,
      });
    } catch (failure) {
      setPreview(null);
      fail(failure);
    } finally {
      setSending(false);
    }
  };

  const error = (field: string) =>
    errors.fields[field] ? <Text className="form-error">{errors.fields[field]}</Text> : null;
  const r = room.data;
  const freeCount = preview?.result.occurrences.filter((o) => o.free).length ?? 0;

  return (
    <View className="page mr-book">
      <View className="card mr-book__room">
        <Text className="card__title">会议室</Text>
        <StateView
          loading={room.loading && !r}
          error={
            r
              ? undefined
              : draft.roomId === ''
                ? new ApiError('MEETING_ROOMS_NOT_FOUND', '请先从会议室列表选择会议室', 0)
                : room.error
          }
          onRetry={room.reload}
        >
          {r ? (
            <View>
              <View className="mr-row__head">
                <Text className="list-item__title">{r.name}</Text>
                {r.restricted ? <Text className="mr-tag mr-tag--orange">需审批</Text> : null}
              </View>
              <Text className="muted">
                {r.building.name} {r.floor} 楼 · {r.capacity} 人 · 开放 {r.openFrom}–{r.openUntil} · 单次最长{' '}
                {formatDuration(r.maxDurationMinutes)} · 可提前 {r.maxDaysAhead} 天预订
              </Text>
              {r.restricted ? (
                <Text className="mr-book__note">该会议室需审批，审批前时段为您保留。</Text>
              ) : null}
            </View>
          ) : null}
        </StateView>
        {error('roomId')}
      </View>

      <View className="card">
        <Text className="card__title">会议信息</Text>
        <View className="field">
          <Input
            className="field__input"
            placeholder="会议主题（不超过 50 字）"
            maxlength={50}
            value={draft.title}
            onInput={(e) => change({ title: e.detail.value }, 'title')}
          />
        </View>
        {error('title')}
        <Picker
          mode="date"
          value={draft.date}
          start={shanghaiToday()}
          end={r ? addDays(shanghaiToday(), r.maxDaysAhead) : undefined}
          onChange={(e) => change({ date: e.detail.value }, 'date')}
        >
          <View className="field mr-book__date">
            <Text className="mr-picker-value">日期：{draft.date}</Text>
          </View>
        </Picker>
        {error('date')}
        <View className="mr-times">
          <Picker
            className="mr-picker mr-book__start"
            mode="time"
            value={draft.startTime}
            start={r?.openFrom}
            end={r?.openUntil}
            onChange={(e) => change({ startTime: e.detail.value }, 'startTime')}
          >
            <View className="field">
              <Text className="mr-picker-value">{draft.startTime}</Text>
            </View>
          </Picker>
          <Text className="mr-dash">至</Text>
          <Picker
            className="mr-picker mr-book__end"
            mode="time"
            value={draft.endTime}
            start={r?.openFrom}
            end={r?.openUntil}
            onChange={(e) => change({ endTime: e.detail.value }, 'endTime')}
          >
            <View className="field">
              <Text className="mr-picker-value">{draft.endTime}</Text>
            </View>
          </Picker>
        </View>
        {error('startTime')}
        {error('endTime')}

        <View className="switch-row">
          <Text>重复</Text>
          <Switch
            className="mr-book__repeat"
            checked={draft.repeat !== null}
            onChange={(e) => change({ repeat: e.detail.value ? defaultRepeat(draft.date) : null }, 'repeat')}
          />
        </View>
        {draft.repeat ? (
          <RepeatFields repeat={draft.repeat} date={draft.date} error={error} onChange={changeRepeat} />
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">参会人（{draft.attendees.length}）</Text>
        <AttendeePicker
          attendees={draft.attendees}
          excludeIds={me ? [me.id] : []}
          issue={errors.fields.attendeeIds}
          onChange={(attendees) => change({ attendees }, 'attendeeIds')}
        />
      </View>

      <View className="card">
        <Text className="card__title">
          外部来宾（{draft.guests.length}/{MAX_GUESTS}）
        </Text>
        {draft.guests.map((guest, index) => (
          <View key={guest.key} className="mr-guest">
            <View className="mr-guest__head">
              <Text className="muted">来宾 {index + 1}</Text>
              <Text className="mr-link" onClick={() => removeGuest(index)}>
                删除
              </Text>
            </View>
            <View className="field">
              <Input
                className="field__input"
                placeholder="来宾姓名"
                maxlength={20}
                value={guest.name}
                onInput={(e) => changeGuest(index, 'name', e.detail.value)}
              />
            </View>
            {error(`guests.${index}.name`)}
            <View className="field">
              <Input
                className="field__input"
                placeholder="来宾手机号"
                type="number"
                maxlength={11}
                value={guest.phone}
                onInput={(e) => changeGuest(index, 'phone', e.detail.value)}
              />
            </View>
            {error(`guests.${index}.phone`)}
            <View className="field">
              <Input
                className="field__input"
                placeholder="来宾单位（选填）"
                maxlength={60}
                value={guest.company}
                onInput={(e) => changeGuest(index, 'company', e.detail.value)}
              />
            </View>
            {error(`guests.${index}.company`)}
          </View>
        ))}
        {error('guests')}
        {draft.guests.length < MAX_GUESTS ? (
          <Text
            className="mr-book__add"
            onClick={() => change({ guests: [...draft.guests, emptyGuest(nextKey.current++)] }, 'guests')}
          >
            ＋ 添加来宾
          </Text>
        ) : null}
        <Text className="mr-book__note">{guestNote(draft.guests.length)}</Text>
      </View>

      <View className="card">
        <Text className="card__title">会务服务</Text>
        <View className="chips">
          {MeetingService.options.map((service) => (
            <Text
              key={service}
              className={`chip${draft.services.includes(service) ? ' chip--active' : ''}`}
              onClick={() => toggleService(service)}
            >
              {meetingServiceLabels[service]}
            </Text>
          ))}
        </View>
        {error('services')}
      </View>

      {preview ? (
        <View className="card mr-book__preview">
          <Text className="card__title">
            共 {preview.result.occurrences.length} 次，其中 {freeCount} 次可预订
          </Text>
          {preview.result.occurrences.map((o) => (
            <View key={o.start} className={`mr-occurrence${o.free ? '' : ' mr-occurrence--clash'}`}>
              <Text>
                {o.date} {clockOf(o.start)}–{clockOf(o.end)}
              </Text>
              <Text>{o.free ? '空闲' : (o.clash ?? '冲突')}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {banner ? <Text className="mr-banner">{banner}</Text> : null}
      {errors.other.map((issue, index) => (
        <Text key={index} className="form-error mr-book__other">
          {issue}
        </Text>
      ))}
      <View className="mr-book__submit">
        {preview ? (
          <ActionButton
            className="button button--primary"
            disabled={sending || freeCount === 0}
            onClick={() => void confirmSeries()}
          >
            确认预订 {freeCount} 次
          </ActionButton>
        ) : (
          <ActionButton
            className="button button--primary"
            disabled={sending || !r}
            onClick={() => void submit()}
          >
            {draft.repeat ? '查看每次是否空闲' : r?.restricted ? '提交审批' : '确认预订'}
          </ActionButton>
        )}
      </View>
    </View>
  );
}

interface RepeatProps {
  repeat: RepeatDraft;
  date: string;
  error: (field: string) => JSX.Element | null;
  onChange: (patch: Partial<RepeatDraft>, field: string) => void;
}

/** 重复: daily or on weekdays, until a day or a number of times. */
function RepeatFields({ repeat, date, error, onChange }: RepeatProps) {
  const toggleDay = (day: number) =>
    onChange(
      {
        weekdays: repeat.weekdays.includes(day)
          ? repeat.weekdays.filter((d) => d !== day)
          : [...repeat.weekdays, day],
      },
      'weekdays',
    );
  return (
    <View className="mr-repeat">
      <View className="chips">
        <Text
          className={`chip${repeat.frequency === 'daily' ? ' chip--active' : ''}`}
          onClick={() => onChange({ frequency: 'daily' }, 'frequency')}
        >
          每天
        </Text>
        <Text
          className={`chip${repeat.frequency === 'weekly' ? ' chip--active' : ''}`}
          onClick={() => onChange({ frequency: 'weekly' }, 'frequency')}
        >
          每周
        </Text>
      </View>
      {repeat.frequency === 'weekly' ? (
        <View className="chips">
          {weekdayLabels.map((label, i) => (
            <Text
              key={label}
              className={`chip${repeat.weekdays.includes(i + 1) ? ' chip--active' : ''}`}
              onClick={() => toggleDay(i + 1)}
            >
              周{label}
            </Text>
          ))}
        </View>
      ) : null}
      {error('weekdays')}
      <View className="chips">
        <Text
          className={`chip${repeat.endBy === 'count' ? ' chip--active' : ''}`}
          onClick={() => onChange({ endBy: 'count' }, 'count')}
        >
          按次数
        </Text>
        <Text
          className={`chip${repeat.endBy === 'until' ? ' chip--active' : ''}`}
          onClick={() => onChange({ endBy: 'until' }, 'until')}
        >
          截止日期
        </Text>
      </View>
      {repeat.endBy === 'count' ? (
        <View className="field">
          <Text>共</Text>
          <Input
            className="field__input mr-repeat__count"
            type="number"
            maxlength={3}
            value={String(repeat.count)}
            onInput={(e) => onChange({ count: Number.parseInt(e.detail.value, 10) || 0 }, 'count')}
          />
          <Text>次</Text>
        </View>
      ) : (
        <Picker
          mode="date"
          value={repeat.until}
          start={date}
          onChange={(e) => onChange({ until: e.detail.value }, 'until')}
        >
          <View className="field">
            <Text className="mr-picker-value">截止：{repeat.until}</Text>
          </View>
        </Picker>
      )}
      {error('count')}
      {error('until')}
    </View>
  );
}

/** Where a refused booking's problem shows: next to its field when the server names one. */
function problemsOf(failure: unknown): FormErrors {
  if (failure instanceof ApiError) {
    if (failure.details.length > 0) return formErrors(failure.details);
    const field = FIELD_OF_CODE[failure.code];
    if (field) return { fields: { [field]: failure.message }, other: [] };
  }
  return { fields: {}, other: [errorMessage(failure)] };
}
