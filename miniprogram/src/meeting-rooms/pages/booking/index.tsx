import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import {
  bookingStatusLabels,
  meetingServiceLabels,
  serviceTaskStatusLabels,
  visitStatusLabels,
  type Booking,
} from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { InfoRow } from '@/components/info-row';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, errorMessage, showApiError } from '@/services/request';
import { useSession } from '@/stores/session';
import { meetingRoomsApi } from '../../api';
import { bookingActions } from '../../booking-actions';
import { PAGES } from '../../links';
import { bookingTones, hasRole, taskTones } from '../../status';
import { clockOf, dayOf, formatMoment, formatSlot, shanghaiToday, toClock, toMinutes } from '../../time';
import './index.scss';

type Sheet =
  { kind: 'extend'; endTime: string } | { kind: 'move'; date: string; startTime: string; endTime: string };

export default function BookingPage() {
  const signedIn = useRequireSession();
  const me = useSession((s) => s.me);
  const router = useRouter();
  const id = router.params.id ?? '';
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [sheetError, setSheetError] = useState<string | null>(null);

  const loaded = useApi(
    useCallback(() => meetingRoomsApi.booking(id), [id]),
    { enabled: signedIn && id !== '', refreshOnShow: true },
  );
  const booking = loaded.data;

  const run = async (action: () => Promise<Booking>, done: string) => {
    setBusy(true);
    try {
      await action();
      setSheet(null);
      void Taro.showToast({ title: done, icon: 'success' });
      await loaded.reload();
    } catch (error) {
      if (sheet) setSheetError(sheetIssue(error));
      else showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (
    title: string,
    content: string,
    confirmText: string,
    action: () => Promise<unknown>,
  ) => {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' }).catch(() => ({
      confirm: false,
    }));
    if (res.confirm) await action();
  };

  if (!id) {
    return (
      <View className="page">
        <StateView
          loading={false}
          error={new ApiError('MEETING_ROOMS_BOOKING_NOT_FOUND', '预订不存在', 404)}
        />
      </View>
    );
  }

  const actions = booking
    ? bookingActions(booking, { id: me?.id ?? '', isAdmin: hasRole(me?.roles, 'admin') })
    : null;

  return (
    <View className="page mr-detail">
      <StateView
        loading={loaded.loading && !booking}
        error={booking ? undefined : loaded.error}
        onRetry={loaded.reload}
      >
        {booking && actions ? (
          <View>
            <View className="card">
              <View className="mr-detail__head">
                <Text className="mr-detail__title">{booking.title}</Text>
                <Text className={`mr-tag mr-tag--${bookingTones[booking.status]} mr-detail__status`}>
                  {bookingStatusLabels[booking.status]}
                </Text>
              </View>
              <View
                className="mr-detail__room"
                onClick={() => void Taro.navigateTo({ url: `${PAGES.room}?id=${booking.room.id}` })}
              >
                <InfoRow
                  label="会议室"
                  value={`${booking.room.building} ${booking.room.floor} 楼 · ${booking.room.name} ›`}
                />
              </View>
              <InfoRow label="时间" value={formatSlot(booking.start, booking.end)} />
              <InfoRow
                label="预订人"
                value={`${booking.organizer.name}${booking.organizer.department ? `（${booking.organizer.department}）` : ''}`}
              />
              {booking.status === 'pending' && booking.approvalDeadline ? (
                <InfoRow label="审批截止" value={formatMoment(booking.approvalDeadline)} />
              ) : null}
              {booking.decisionNote ? <InfoRow label="审批意见" value={booking.decisionNote} /> : null}
              {booking.checkedInAt ? (
                <InfoRow label="签到时间" value={formatMoment(booking.checkedInAt)} />
              ) : null}
            </View>

            <View className="card mr-detail__attendees">
              <Text className="card__title">参会人（{booking.attendees.length}）</Text>
              {booking.attendees.length === 0 ? <Text className="muted">无</Text> : null}
              <Text className="mr-detail__line">{booking.attendees.map((a) => a.name).join('、')}</Text>
            </View>

            <View className="card mr-detail__guests">
              <Text className="card__title">外部来宾（{booking.guests.length}）</Text>
              {booking.guests.length === 0 ? <Text className="muted">无</Text> : null}
              {booking.guests.map((guest, i) => (
                <View key={i} className="list-item mr-detail__guest">
                  <View className="list-item__main">
                    <Text className="list-item__title">
                      {guest.name} {guest.phoneMasked}
                    </Text>
                    {guest.company ? <Text className="muted">{guest.company}</Text> : null}
                    <Text className="muted">
                      {guest.pass
                        ? `通行证：${visitStatusLabels[guest.pass.status]}（${formatSlot(guest.pass.validFrom, guest.pass.validUntil)}）`
                        : '通行证：预订确认后办理'}
                    </Text>
                  </View>
                </View>
              ))}
            </View>

            <View className="card mr-detail__services">
              <Text className="card__title">会务服务</Text>
              {booking.services.length === 0 ? <Text className="muted">无</Text> : null}
              {booking.services.map((service) => {
                const task = booking.serviceTasks.find((t) => t.service === service);
                return (
                  <View key={service} className="mr-row__head mr-detail__line">
                    <Text>{meetingServiceLabels[service]}</Text>
                    {task ? (
                      <Text className={`mr-tag mr-tag--${taskTones[task.status]}`}>
                        {serviceTaskStatusLabels[task.status]}
                        {task.staff ? ` · ${task.staff}` : ''}
                      </Text>
                    ) : (
                      <Text className="mr-tag mr-tag--grey">待派单</Text>
                    )}
                  </View>
                );
              })}
            </View>

            {sheet ? (
              <View className="card mr-detail__sheet-card">
                <Text className="card__title">{sheet.kind === 'extend' ? '延长会议' : '改期'}</Text>
                {sheet.kind === 'move' ? (
                  <Picker
                    mode="date"
                    value={sheet.date}
                    start={shanghaiToday()}
                    onChange={(e) => setSheet({ ...sheet, date: e.detail.value })}
                  >
                    <View className="field">
                      <Text className="mr-picker-value">日期：{sheet.date}</Text>
                    </View>
                  </Picker>
                ) : null}
                <View className="mr-times">
                  {sheet.kind === 'move' ? (
                    <>
                      <Picker
                        className="mr-picker"
                        mode="time"
                        value={sheet.startTime}
                        onChange={(e) => setSheet({ ...sheet, startTime: e.detail.value })}
                      >
                        <View className="field">
                          <Text className="mr-picker-value">{sheet.startTime}</Text>
                        </View>
                      </Picker>
                      <Text className="mr-dash">至</Text>
                    </>
                  ) : (
                    <Text className="mr-dash">结束改为</Text>
                  )}
                  <Picker
                    className="mr-picker mr-detail__new-end"
                    mode="time"
                    value={sheet.endTime}
                    onChange={(e) => setSheet({ ...sheet, endTime: e.detail.value })}
                  >
                    <View className="field">
                      <Text className="mr-picker-value">{sheet.endTime}</Text>
                    </View>
                  </Picker>
                </View>
                {sheetError ? <Text className="form-error">{sheetError}</Text> : null}
                <View className="mr-actions">
                  <Button className="button" onClick={() => setSheet(null)}>
                    取消
                  </Button>
                  <ActionButton
                    className="button button--primary"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () =>
                          sheet.kind === 'extend'
                            ? meetingRoomsApi.extend(booking.id, sheet.endTime)
                            : meetingRoomsApi.move(booking.id, {
                                date: sheet.date,
                                startTime: sheet.startTime,
                                endTime: sheet.endTime,
                              }),
                        sheet.kind === 'extend' ? '已延长' : '已改期',
                      )
                    }
                  >
                    确定
                  </ActionButton>
                </View>
              </View>
            ) : null}

            <View className="mr-actions">
              {actions.checkIn ? (
                <ActionButton
                  className="button button--primary"
                  disabled={busy}
                  onClick={() => void run(() => meetingRoomsApi.checkIn(booking.id), '签到成功')}
                >
                  签到
                </ActionButton>
              ) : null}
              {actions.end ? (
                <ActionButton
                  className="button"
                  disabled={busy}
                  onClick={() =>
                    void confirm('提前结束会议？', '结束后剩余时段将立即释放给他人预订。', '结束会议', () =>
                      run(() => meetingRoomsApi.end(booking.id), '会议已结束'),
                    )
                  }
                >
                  提前结束
                </ActionButton>
              ) : null}
              {actions.extend && !sheet ? (
                <ActionButton
                  className="button"
                  disabled={busy}
                  onClick={() => {
                    setSheetError(null);
                    setSheet({ kind: 'extend', endTime: toClock(toMinutes(clockOf(booking.end)) + 30) });
                  }}
                >
                  延长
                </ActionButton>
              ) : null}
              {actions.move && !sheet ? (
                <ActionButton
                  className="button"
                  disabled={busy}
                  onClick={() => {
                    setSheetError(null);
                    setSheet({
                      kind: 'move',
                      date: dayOf(booking.start),
                      startTime: clockOf(booking.start),
                      endTime: clockOf(booking.end),
                    });
                  }}
                >
                  改期
                </ActionButton>
              ) : null}
              {actions.cancel ? (
                <ActionButton
                  className="button button--danger"
                  disabled={busy}
                  onClick={() =>
                    void confirm(
                      booking.seriesId ? '取消此次会议？' : '取消预订？',
                      booking.guests.length > 0
                        ? '会议室将立即释放，来宾的通行证将作废并短信告知。'
                        : '会议室将立即释放。',
                      '确认取消',
                      () => run(() => meetingRoomsApi.cancel(booking.id), '已取消'),
                    )
                  }
                >
                  {booking.seriesId ? '取消此次' : '取消预订'}
                </ActionButton>
              ) : null}
              {booking.seriesId && actions.cancel ? (
                <ActionButton
                  className="button button--danger"
                  disabled={busy}
                  onClick={() =>
                    void confirm(
                      '取消后续会议？',
                      `将取消 ${dayOf(booking.start)} 及之后尚未开始的每一次会议。`,
                      '确认取消',
                      async () => {
                        setBusy(true);
                        try {
                          await meetingRoomsApi.cancelSeriesFrom(booking.seriesId!, dayOf(booking.start));
                          void Taro.showToast({ title: '已取消后续会议', icon: 'success' });
                          await loaded.reload();
                        } catch (error) {
                          showApiError(error);
                        } finally {
                          setBusy(false);
                        }
                      },
                    )
                  }
                >
                  取消后续
                </ActionButton>
              ) : null}
            </View>
          </View>
        ) : null}
      </StateView>
    </View>
  );
}

/** A refusal of an extension or a move, with the clash it names when there is one. */
function sheetIssue(error: unknown): string {
  if (error instanceof ApiError && error.details[0]) return `${error.message}：${error.details[0].issue}`;
  return errorMessage(error);
}
