import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { Booking } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { usePagedApi } from '@/hooks/use-paged-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, errorMessage } from '@/services/request';
import { meetingRoomsApi } from '../../api';
import { BookingRow } from '../../components/booking-row';
import { bookingUrl } from '../../links';
import { formatMoment } from '../../time';
import './index.scss';

const PAGE_SIZE = 20;

export default function ApprovalsPage() {
  const signedIn = useRequireSession();
  const fetchPage = useCallback((page: number) => meetingRoomsApi.approvals(page, PAGE_SIZE), []);
  const list = usePagedApi(fetchPage, { enabled: signedIn });
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) void list.reload();
    shown.current = true;
  });

  return (
    <View className="page mr-approvals">
      <StateView
        loading={list.loading && list.items.length === 0}
        error={list.items.length === 0 ? list.error : undefined}
        isEmpty={list.items.length === 0}
        emptyText="暂无待审批的会议室预订"
        onRetry={list.reload}
      >
        {list.items.map((booking) => (
          <ApprovalCard key={booking.id} booking={booking} onDecided={() => void list.reload()} />
        ))}
        <ListFooter error={list.error} loading={list.loading} hasMore={list.hasMore} onMore={list.loadMore} />
      </StateView>
    </View>
  );
}

/** One pending booking: 通过, or 驳回 with a reason. */
function ApprovalCard({ booking, onDecided }: { booking: Booking; onDecided: () => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [issue, setIssue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (approve: boolean) => {
    if (!approve && note.trim() === '') {
      setIssue('请填写驳回理由');
      return;
    }
    setBusy(true);
    setIssue(null);
    try {
      await meetingRoomsApi.decide(booking.id, approve ? { approve } : { approve, note: note.trim() });
      void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'success' });
      onDecided();
    } catch (error) {
      setIssue(error instanceof ApiError && error.details[0] ? error.details[0].issue : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card mr-approval">
      <BookingRow
        booking={booking}
        showOrganizer
        onOpen={() => void Taro.navigateTo({ url: bookingUrl(booking.id) })}
      />
      {booking.approvalDeadline ? (
        <Text className="muted">请于 {formatMoment(booking.approvalDeadline)} 前审批，逾期自动释放</Text>
      ) : null}
      {rejecting ? (
        <View className="field">
          <Input
            className="field__input"
            placeholder="驳回理由（预订人可见）"
            maxlength={100}
            value={note}
            onInput={(e) => {
              setNote(e.detail.value);
              setIssue(null);
            }}
          />
        </View>
      ) : null}
      {issue ? <Text className="form-error">{issue}</Text> : null}
      <View className="mr-actions">
        {rejecting ? (
          <>
            <Button className="button" onClick={() => setRejecting(false)}>
              取消
            </Button>
            <ActionButton
              className="button button--danger"
              disabled={busy}
              onClick={() => void decide(false)}
            >
              确认驳回
            </ActionButton>
          </>
        ) : (
          <>
            <ActionButton className="button" disabled={busy} onClick={() => setRejecting(true)}>
              驳回
            </ActionButton>
            <ActionButton
              className="button button--primary"
              disabled={busy}
              onClick={() => void decide(true)}
            >
              通过
            </ActionButton>
          </>
        )}
      </View>
    </View>
  );
}
