import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';

interface Props {
  busy: boolean;
  onDecide: (approve: boolean, note: string) => void;
}

const NOTE_MAX = 100;

/** 同意 / 拒绝 a visit waiting for me, with an optional note the visitor sees. */
export function DecisionPanel({ busy, onDecide }: Props) {
  const [note, setNote] = useState('');
  return (
    <View className="card">
      <Text className="card__title">审批</Text>
      <Textarea
        className="visit__note"
        placeholder={`审批意见（选填，不超过 ${NOTE_MAX} 字）`}
        maxlength={NOTE_MAX}
        value={note}
        onInput={(e) => setNote(e.detail.value)}
      />
      <View className="visit__decide">
        <ActionButton
          className="button button--danger visit__decide-button"
          disabled={busy}
          onClick={() => onDecide(false, note)}
        >
          拒绝
        </ActionButton>
        <ActionButton
          className="button button--primary visit__decide-button"
          loading={busy}
          disabled={busy}
          onClick={() => onDecide(true, note)}
        >
          同意
        </ActionButton>
      </View>
    </View>
  );
}
