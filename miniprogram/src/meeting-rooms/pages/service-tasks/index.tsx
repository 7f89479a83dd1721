import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { meetingServiceLabels, serviceTaskStatusLabels, type ServiceTask } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { usePagedApi } from '@/hooks/use-paged-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { showApiError } from '@/services/request';
import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import { meetingRoomsApi } from '../../api';
import { hasRole, taskTones } from '../../status';
import { formatSlot, shanghaiToday } from '../../time';
import './index.scss';

const PAGE_SIZE = 20;

export default function ServiceTasksPage() {
  const signedIn = useRequireSession();
  const canAccept = useSession((s) => hasRole(s.me?.roles, 'meeting_service'));
  const [date, setDate] = useState(shanghaiToday);
  const [show, setShow] = useState<'active' | 'all'>('active');
  const [busyId, setBusyId] = useState<string | null>(null);
  const fetchPage = useCallback(
    (page: number) => meetingRoomsApi.serviceTasks({ date, show, page, pageSize: PAGE_SIZE }),
    [date, show],
  );
  const list = usePagedApi(fetchPage, { enabled: signedIn });

  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) void list.reload();
    shown.current = true;
  });
  // A new task or a change arrives as a meeting-rooms notification (realtime, into the inbox store).
  const reload = useRef(list.reload);
  useEffect(() => {
    reload.current = list.reload;
  });
  useEffect(
    () =>
      useInbox.subscribe((state, previous) => {
        if (state.latest === previous.latest) return;
        const known = new Set(previous.latest.map((item) => item.id));
        if (state.latest.some((item) => !known.has(item.id) && item.category === 'meeting-rooms')) {
          void reload.current();
        }
      }),
    [],
  );

  const act = async (task: ServiceTask, action: 'accept' | 'done') => {
    setBusyId(task.id);
    try {
      await (action === 'accept' ? meetingRoomsApi.acceptTask(task.id) : meetingRoomsApi.finishTask(task.id));
      void Taro.showToast({ title: action === 'accept' ? '已接单' : '已完成', icon: 'success' });
    } catch (error) {
      showApiError(error);
    } finally {
      setBusyId(null);
      void list.reload();
    }
  };

  return (
    <View className="page mr-tasks">
      <View className="card">
        <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
          <View className="field">
            <Text className="mr-picker-value">日期：{date}</Text>
          </View>
        </Picker>
        <View className="chips">
          <Text
            className={`chip${show === 'active' ? ' chip--active' : ''}`}
            onClick={() => setShow('active')}
          >
            待处理
          </Text>
          <Text className={`chip${show === 'all' ? ' chip--active' : ''}`} onClick={() => setShow('all')}>
            全部
          </Text>
        </View>
      </View>
      <StateView
        loading={list.loading && list.items.length === 0}
        error={list.items.length === 0 ? list.error : undefined}
        isEmpty={list.items.length === 0}
        emptyText="当天暂无会务服务任务"
        onRetry={list.reload}
      >
        {list.items.map((task) => (
          <View key={task.id} className="card mr-task">
            <View className="mr-row__head">
              <Text className="list-item__title">{meetingServiceLabels[task.service]}</Text>
              <Text className={`mr-tag mr-tag--${taskTones[task.status]}`}>
                {serviceTaskStatusLabels[task.status]}
                {task.staff ? ` · ${task.staff}` : ''}
              </Text>
            </View>
            <Text className="muted">
              {task.booking.room.building} {task.booking.room.floor} 楼 · {task.booking.room.name}
            </Text>
            <Text className="muted">
              {formatSlot(task.booking.start, task.booking.end)} · {task.booking.title} ·{' '}
              {task.booking.headcount} 人
            </Text>
            <Text className="muted">
              预订人：{task.booking.organizer.name}
              {task.booking.organizer.department ? `（${task.booking.organizer.department}）` : ''}
            </Text>
            <View className="mr-actions">
              {task.status === 'open' && canAccept ? (
                <ActionButton
                  className="button button--primary"
                  disabled={busyId !== null}
                  onClick={() => void act(task, 'accept')}
                >
                  接单
                </ActionButton>
              ) : null}
              {task.status === 'accepted' ? (
                <ActionButton
                  className="button button--primary"
                  disabled={busyId !== null}
                  onClick={() => void act(task, 'done')}
                >
                  完成
                </ActionButton>
              ) : null}
            </View>
          </View>
        ))}
        <ListFooter error={list.error} loading={list.loading} hasMore={list.hasMore} onMore={list.loadMore} />
      </StateView>
    </View>
  );
}
