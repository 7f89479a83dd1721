import { useState } from 'react';
import { Switch, Text, View } from '@tarojs/components';
import { NotificationCategory, categoryLabels } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { inboxApi } from '@/services/inbox';
import { showApiError } from '@/services/request';

/** 消息设置: a switch per category; off mutes its non-urgent notifications (they still reach the inbox). */
export function NotificationSettings() {
  const { data, error, loading, reload } = useApi(inboxApi.preferences);
  /** What was chosen here, ahead of (or instead of) the loaded preferences. */
  const [chosen, setChosen] = useState<NotificationCategory[] | null>(null);
  const [saving, setSaving] = useState(false);
  const muted = chosen ?? data?.mutedCategories ?? [];

  const toggle = async (category: NotificationCategory, on: boolean) => {
    const before = muted;
    const next = on ? muted.filter((c) => c !== category) : [...muted, category];
    setChosen(next);
    setSaving(true);
    try {
      setChosen((await inboxApi.setPreferences({ mutedCategories: next })).mutedCategories);
    } catch (err) {
      setChosen(before);
      showApiError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="card">
      <Text className="card__title">消息设置</Text>
      <Text className="muted">关闭后，该类通知只保存在消息列表中，不再推送提醒。紧急通知不受影响。</Text>
      <StateView loading={loading && !data} error={data ? undefined : error} onRetry={reload}>
        {NotificationCategory.options.map((category) => (
          <View key={category} className="switch-row">
            <Text>{categoryLabels[category]}</Text>
            <Switch
              checked={!muted.includes(category)}
              color="#1677ff"
              disabled={saving || undefined}
              onChange={(e) => void toggle(category, e.detail.value)}
            />
          </View>
        ))}
      </StateView>
    </View>
  );
}
