import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Booking } from '@dayuan/shared';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { usePagedApi } from '@/hooks/use-paged-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { meetingRoomsApi } from '../../api';
import { BookingRow } from '../../components/booking-row';
import { bookingUrl, PAGES } from '../../links';
import './index.scss';

type When = 'upcoming' | 'past';

const PAGE_SIZE = 20;

export default function MyBookingsPage() {
  const signedIn = useRequireSession();
  const [when, setWhen] = useState<When>('upcoming');
  const fetchPage = useCallback((page: number) => meetingRoomsApi.mine(when, page, PAGE_SIZE), [when]);
  const list = usePagedApi(fetchPage, { enabled: signedIn });

  // Back from a booking (cancelled, moved): the list may have changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) void list.reload();
    shown.current = true;
  });

  const open = (booking: Booking) => void Taro.navigateTo({ url: bookingUrl(booking.id) });

  return (
    <View className="page mr-mine">
      <View className="mr-tabs">
        <Text
          className={`mr-tab${when === 'upcoming' ? ' mr-tab--active' : ''}`}
          onClick={() => setWhen('upcoming')}
        >
          即将开始
        </Text>
        <Text className={`mr-tab${when === 'past' ? ' mr-tab--active' : ''}`} onClick={() => setWhen('past')}>
          已结束
        </Text>
      </View>
      <View className="card">
        <StateView
          loading={list.loading && list.items.length === 0}
          error={list.items.length === 0 ? list.error : undefined}
          isEmpty={list.items.length === 0}
          emptyText={when === 'upcoming' ? '暂无即将开始的会议' : '暂无已结束的会议'}
          onRetry={list.reload}
        >
          {list.items.map((booking) => (
            <BookingRow key={booking.id} booking={booking} onOpen={open} />
          ))}
          <ListFooter
            error={list.error}
            loading={list.loading}
            hasMore={list.hasMore}
            onMore={list.loadMore}
          />
        </StateView>
      </View>
      {when === 'upcoming' ? (
        <View className="mr-actions">
          <Text className="mr-link" onClick={() => void Taro.navigateTo({ url: PAGES.home })}>
            ＋ 预订会议室
          </Text>
        </View>
      ) : null}
    </View>
  );
}
