import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { Equipment, equipmentLabels, type Equipment as EquipmentKind } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { useSession } from '@/stores/session';
import { meetingRoomsApi, type DayRow, type Room } from '../../api';
import { Timeline } from '../../components/timeline';
import { bookUrl } from '../../links';
import { hasRole } from '../../status';
import { inShanghai, shanghaiToday, toClock, toMinutes } from '../../time';
import { busyOnDay, firstFree } from '../../timeline';
import './index.scss';

type Tab = 'grid' | 'finder';

const DURATIONS = [30, 60, 90, 120, 180, 240] as const;

/** The earliest minute of `date` a booking can start now (today: the next half hour after the notice). */
function earliestOn(date: string, minNoticeMinutes: number): number {
  if (date !== shanghaiToday()) return 0;
  const now = inShanghai();
  return now.hour() * 60 + now.minute() + minNoticeMinutes;
}

export default function MeetingRoomsHomePage() {
  const signedIn = useRequireSession();
  const roles = useSession((s) => s.me?.roles);
  const [tab, setTab] = useState<Tab>('grid');
  const [date, setDate] = useState(shanghaiToday);
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const isApprover = hasRole(roles, 'approver', 'admin');
  const isService = hasRole(roles, 'meeting_service');
  const isAdmin = hasRole(roles, 'admin');
  // How many bookings wait for my decision: the badge on 待我审批.
  const pending = useApi(
    useCallback(
      () => (isApprover ? meetingRoomsApi.approvals(1, 1).then((p) => p.total) : Promise.resolve(0)),
      [isApprover],
    ),
    { enabled: signedIn, refreshOnShow: true },
  );

  const rooms = useApi(
    useCallback(() => meetingRoomsApi.rooms(), []),
    { enabled: signedIn },
  );
  const buildings = useMemo(() => {
    const seen = new Map<string, string>();
    for (const room of rooms.data?.items ?? []) seen.set(room.building.id, room.building.name);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [rooms.data]);
  const building = buildingId ?? buildings[0]?.id ?? null;

  const grid = useApi(
    useCallback(
      () => (building ? meetingRoomsApi.availability(building, date) : Promise.resolve(undefined)),
      [building, date],
    ),
    { enabled: signedIn && building !== null, refreshOnShow: true },
  );

  const go = (url: string) => void Taro.navigateTo({ url });
  const bookAt = (row: DayRow, clock?: string) => {
    const { room } = row;
    const busy = busyOnDay([...row.bookings, ...row.closures], date);
    const earliest = Math.max(earliestOn(date, room.minNoticeMinutes), clock ? toMinutes(clock) : 0);
    const free = firstFree(busy, room.openFrom, room.openUntil, earliest, 60, 30);
    if (free && clock && free.startTime !== clock && toMinutes(free.startTime) - toMinutes(clock) >= 60) {
      void Taro.showToast({ title: '该时段已被占用，已为您选择之后的空闲时间', icon: 'none' });
    }
    go(bookUrl(room.id, date, free?.startTime ?? clock, free?.endTime));
  };

  return (
    <View className="page mr-home">
      <View className="mr-home__shortcuts">
        <Button className="button mr-home__shortcut" onClick={() => go('/meeting-rooms/pages/mine/index')}>
          我的预订
        </Button>
        {isApprover ? (
          <Button
            className="button mr-home__shortcut"
            onClick={() => go('/meeting-rooms/pages/approvals/index')}
          >
            <Text>待我审批</Text>
            {pending.data ? <Text className="badge mr-home__badge">{pending.data}</Text> : null}
          </Button>
        ) : null}
        {isService || isAdmin ? (
          <Button
            className="button mr-home__shortcut"
            onClick={() => go('/meeting-rooms/pages/service-tasks/index')}
          >
            服务任务
          </Button>
        ) : null}
        {isAdmin ? (
          <Button className="button mr-home__shortcut" onClick={() => go('/meeting-rooms/pages/stats/index')}>
            使用统计
          </Button>
        ) : null}
        {isAdmin ? (
          <Button className="button mr-home__shortcut" onClick={() => go('/meeting-rooms/pages/admin/index')}>
            会议室管理
          </Button>
        ) : null}
      </View>

      <View className="mr-tabs">
        <Text className={`mr-tab${tab === 'grid' ? ' mr-tab--active' : ''}`} onClick={() => setTab('grid')}>
          找会议室
        </Text>
        <Text
          className={`mr-tab${tab === 'finder' ? ' mr-tab--active' : ''}`}
          onClick={() => setTab('finder')}
        >
          空闲查询
        </Text>
      </View>

      <View className="card">
        <Picker mode="date" value={date} start={shanghaiToday()} onChange={(e) => setDate(e.detail.value)}>
          <View className="field mr-home__date">
            <Text className="mr-picker-value">日期：{date}</Text>
          </View>
        </Picker>
        <StateView
          loading={rooms.loading && !rooms.data}
          error={rooms.data ? undefined : rooms.error}
          isEmpty={buildings.length === 0}
          emptyText="暂无可预订的会议室"
          onRetry={rooms.reload}
        >
          <View className="chips mr-home__buildings">
            {buildings.map((b) => (
              <Text
                key={b.id}
                className={`chip${b.id === building ? ' chip--active' : ''}`}
                onClick={() => setBuildingId(b.id)}
              >
                {b.name}
              </Text>
            ))}
          </View>
        </StateView>
      </View>

      {tab === 'grid' ? (
        <View className="card mr-home__grid">
          <StateView
            loading={grid.loading && !grid.data}
            error={grid.data ? undefined : grid.error}
            isEmpty={grid.data?.rooms.length === 0}
            emptyText="该楼暂无会议室"
            onRetry={grid.reload}
          >
            <Text className="muted">
              点击时间条上的空闲时段或会议室名称即可预订（红色已订，橙色待审批，灰色停用）
            </Text>
            {(grid.data?.rooms ?? []).map((row) => (
              <View key={row.room.id} className="mr-home__room">
                <View className="mr-row__head" onClick={() => bookAt(row)}>
                  <Text className="mr-home__room-name">{row.room.name}</Text>
                  <Text className="muted mr-home__room-meta">
                    {row.room.floor} 楼 · {row.room.capacity} 人 · {row.room.openFrom}–{row.room.openUntil}
                  </Text>
                  {row.room.restricted ? <Text className="mr-tag mr-tag--orange">需审批</Text> : null}
                </View>
                <Timeline
                  day={grid.data!.date}
                  openFrom={row.room.openFrom}
                  openUntil={row.room.openUntil}
                  bookings={row.bookings}
                  closures={row.closures}
                  onTap={(clock) => bookAt(row, clock)}
                  showMarks
                />
              </View>
            ))}
          </StateView>
        </View>
      ) : (
        <Finder
          date={date}
          buildingId={building}
          onBook={(room, start, end) => go(bookUrl(room.id, date, start, end))}
        />
      )}
    </View>
  );
}

interface FinderProps {
  date: string;
  buildingId: string | null;
  onBook: (room: Room, startTime: string, endTime: string) => void;
}

type FinderResult =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; items: Room[] }
  | { state: 'failed'; error: unknown };

/** 空闲查询: rooms free at a start time for a duration, big enough and equipped. */
function Finder({ date, buildingId, onBook }: FinderProps) {
  const [startTime, setStartTime] = useState(() => {
    const now = inShanghai();
    const next = Math.ceil((now.hour() * 60 + now.minute() + 60) / 30) * 30;
    return next < 20 * 60 ? toClock(next) : '09:00';
  });
  const [duration, setDuration] = useState<number>(60);
  const [capacity, setCapacity] = useState('');
  const [equipment, setEquipment] = useState<EquipmentKind[]>([]);
  const [result, setResult] = useState<FinderResult>({ state: 'idle' });
  const endTime = toClock(toMinutes(startTime) + duration);

  const search = async () => {
    setResult({ state: 'loading' });
    try {
      const minCapacity = Number.parseInt(capacity, 10);
      const { items } = await meetingRoomsApi.freeRooms({
        date,
        startTime,
        durationMinutes: duration,
        minCapacity: Number.isFinite(minCapacity) && minCapacity > 0 ? minCapacity : undefined,
        equipment: equipment.length > 0 ? equipment : undefined,
        buildingId: buildingId ?? undefined,
      });
      setResult({ state: 'done', items });
    } catch (error) {
      setResult({ state: 'failed', error });
    }
  };
  const toggle = (e: EquipmentKind) =>
    setEquipment((list) => (list.includes(e) ? list.filter((x) => x !== e) : [...list, e]));

  return (
    <View className="card mr-finder">
      <Picker mode="time" value={startTime} onChange={(e) => setStartTime(e.detail.value)}>
        <View className="field mr-finder__start">
          <Text className="mr-picker-value">开始：{startTime}</Text>
        </View>
      </Picker>
      <Text className="muted">时长</Text>
      <View className="chips">
        {DURATIONS.map((d) => (
          <Text
            key={d}
            className={`chip${d === duration ? ' chip--active' : ''}`}
            onClick={() => setDuration(d)}
          >
            {d < 60 ? `${d} 分钟` : `${d / 60} 小时`}
          </Text>
        ))}
      </View>
      <View className="field">
        <Input
          className="field__input"
          type="number"
          placeholder="至少容纳人数（选填）"
          value={capacity}
          onInput={(e) => setCapacity(e.detail.value)}
        />
      </View>
      <Text className="muted">设备</Text>
      <View className="chips">
        {Equipment.options.map((e) => (
          <Text
            key={e}
            className={`chip${equipment.includes(e) ? ' chip--active' : ''}`}
            onClick={() => toggle(e)}
          >
            {equipmentLabels[e]}
          </Text>
        ))}
      </View>
      <Button
        className="button button--primary"
        loading={result.state === 'loading'}
        onClick={() => void search()}
      >
        查询空闲会议室
      </Button>
      {result.state === 'failed' ? (
        <StateView loading={false} error={result.error} onRetry={() => void search()} />
      ) : null}
      {result.state === 'done' && result.items.length === 0 ? (
        <Text className="muted">
          {date} {startTime}–{endTime} 没有符合条件的空闲会议室，换个时间试试
        </Text>
      ) : null}
      {result.state === 'done'
        ? result.items.map((room) => (
            <View
              key={room.id}
              className="list-item mr-finder__room"
              onClick={() => onBook(room, startTime, endTime)}
            >
              <View className="list-item__main">
                <View className="mr-row__head">
                  <Text className="list-item__title">{room.name}</Text>
                  {room.restricted ? <Text className="mr-tag mr-tag--orange">需审批</Text> : null}
                </View>
                <Text className="muted">
                  {room.building.name} {room.floor} 楼 · {room.capacity} 人
                  {room.equipment.length > 0
                    ? ` · ${room.equipment.map((e) => equipmentLabels[e]).join('、')}`
                    : ''}
                </Text>
              </View>
              <Text className="mr-link">预订</Text>
            </View>
          ))
        : null}
    </View>
  );
}
