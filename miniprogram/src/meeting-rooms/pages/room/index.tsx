import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { bookingStatusLabels } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { InfoRow } from '@/components/info-row';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, showApiError } from '@/services/request';
import { useSession } from '@/stores/session';
import { meetingRoomsApi } from '../../api';
import { bookingActions } from '../../booking-actions';
import { Timeline } from '../../components/timeline';
import { bookingUrl, bookUrl } from '../../links';
import { roomIdOfScene } from '../../scene';
import { equipmentText, hasRole } from '../../status';
import { clockOf, formatDuration, inShanghai, shanghaiToday } from '../../time';
import { busyOnDay, firstFree } from '../../timeline';
import './index.scss';

/** Today's grid, the room's row, and the caller's booking in it that can be checked in now. */
async function loadRoom(roomId: string, meId: string, isAdmin: boolean) {
  const today = shanghaiToday();
  const room = await meetingRoomsApi.room(roomId);
  const [grid, mine] = await Promise.all([
    meetingRoomsApi.availability(room.building.id, today),
    meetingRoomsApi.mine('upcoming', 1, 50),
  ]);
  const row = grid.rooms.find((r) => r.room.id === room.id);
  const checkable = mine.items.find(
    (b) => b.room.id === room.id && bookingActions(b, { id: meId, isAdmin }).checkIn,
  );
  return { today, room, bookings: row?.bookings ?? [], closures: row?.closures ?? room.closures, checkable };
}

export default function RoomPage() {
  const signedIn = useRequireSession();
  const me = useSession((s) => s.me);
  const router = useRouter();
  // The door code carries the room id as `scene` (32 hex digits, or a UUID); links carry `id`.
  const roomId = roomIdOfScene(router.params.id ?? router.params.scene);
  const [busy, setBusy] = useState(false);

  const meId = me?.id ?? '';
  const isAdmin = hasRole(me?.roles, 'admin');
  const data = useApi(
    useCallback(() => loadRoom(roomId ?? '', meId, isAdmin), [roomId, meId, isAdmin]),
    { enabled: signedIn && roomId !== null, refreshOnShow: true },
  );

  if (roomId === null) {
    return (
      <View className="page">
        <StateView
          loading={false}
          error={new ApiError('MEETING_ROOMS_NOT_FOUND', '无法识别的会议室码', 404)}
        />
      </View>
    );
  }

  const checkIn = async () => {
    setBusy(true);
    try {
      const booking = await meetingRoomsApi.checkInAtRoom(roomId);
      void Taro.showToast({ title: '签到成功', icon: 'success' });
      void Taro.navigateTo({ url: bookingUrl(booking.id) });
    } catch (error) {
      showApiError(error);
      void data.reload();
    } finally {
      setBusy(false);
    }
  };

  const d = data.data;
  const next = d
    ? (() => {
        const now = inShanghai();
        const busyPeriods = busyOnDay([...d.bookings, ...d.closures], d.today);
        return firstFree(
          busyPeriods,
          d.room.openFrom,
          d.room.openUntil,
          now.hour() * 60 + now.minute() + d.room.minNoticeMinutes,
          60,
          30,
        );
      })()
    : null;

  return (
    <View className="page mr-room">
      <StateView loading={data.loading && !d} error={d ? undefined : data.error} onRetry={data.reload}>
        {d ? (
          <View>
            <View className="card">
              <View className="mr-row__head">
                <Text className="card__title">{d.room.name}</Text>
                {d.room.restricted ? <Text className="mr-tag mr-tag--orange">需审批</Text> : null}
              </View>
              <InfoRow label="位置" value={`${d.room.building.name} ${d.room.floor} 楼 ${d.room.code}`} />
              <InfoRow label="容纳" value={`${d.room.capacity} 人`} />
              <InfoRow label="设备" value={equipmentText(d.room.equipment) || '无'} />
              <InfoRow
                label="开放"
                value={`${d.room.openFrom}–${d.room.openUntil}，单次最长 ${formatDuration(d.room.maxDurationMinutes)}`}
              />
            </View>
            <View className="card">
              <Text className="card__title">今日安排</Text>
              <Timeline
                day={d.today}
                openFrom={d.room.openFrom}
                openUntil={d.room.openUntil}
                bookings={d.bookings}
                closures={d.closures}
                showMarks
              />
              {d.bookings.length === 0 ? <Text className="muted">今天还没有预订</Text> : null}
              {d.bookings.map((b) => (
                <View key={b.id} className="mr-row__head mr-room__slot">
                  <Text>
                    {clockOf(b.start)}–{clockOf(b.end)} {b.title}
                  </Text>
                  <Text className="muted mr-room__organizer">{b.organizer}</Text>
                  <Text className="mr-tag mr-tag--grey">{bookingStatusLabels[b.status]}</Text>
                </View>
              ))}
            </View>
            <View className="mr-actions">
              {d.checkable ? (
                <ActionButton
                  className="button button--primary"
                  disabled={busy}
                  onClick={() => void checkIn()}
                >
                  签到「{d.checkable.title}」
                </ActionButton>
              ) : null}
              <ActionButton
                className="button"
                disabled={!next}
                onClick={() =>
                  next
                    ? void Taro.navigateTo({ url: bookUrl(d.room.id, d.today, next.startTime, next.endTime) })
                    : undefined
                }
              >
                {next ? `立即预订 ${next.startTime}–${next.endTime}` : '今天已无空闲时段'}
              </ActionButton>
            </View>
          </View>
        ) : null}
      </StateView>
    </View>
  );
}
