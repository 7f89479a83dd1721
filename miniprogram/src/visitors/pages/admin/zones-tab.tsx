import { useState } from 'react';
import { Switch, Text, View } from '@tarojs/components';
import type { Zone } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { showApiError } from '@/services/request';
import { adminApi, type ZonePolicy } from '../../admin-api';

const POLICIES: readonly { key: keyof ZonePolicy; label: string; hint: string }[] = [
  { key: 'idNumberRequired', label: '需登记身份证号', hint: '访客须填写身份证号才能生成通行码' },
  { key: 'approverRequired', label: '需部门审批', hint: '被访人同意后，还须部门审批人批准' },
];

/** 通行区域: every gate a visit can be valid for, with its two visitor policies. */
export function ZonesTab() {
  const zones = useApi(adminApi.zones);
  /** Zones as changed here (or being changed), ahead of the loaded list. */
  const [changed, setChanged] = useState<Record<string, Zone>>({});
  const [savingId, setSavingId] = useState<string | null>(null);
  const items = zones.data?.items.map((z) => changed[z.id] ?? z);

  const toggle = async (zone: Zone, key: keyof ZonePolicy, on: boolean) => {
    const policy: ZonePolicy = {
      idNumberRequired: zone.idNumberRequired,
      approverRequired: zone.approverRequired,
      [key]: on,
    };
    setChanged((c) => ({ ...c, [zone.id]: { ...zone, ...policy } }));
    setSavingId(zone.id);
    try {
      const saved = await adminApi.updateZone(zone.id, policy);
      setChanged((c) => ({ ...c, [zone.id]: saved }));
    } catch (error) {
      setChanged((c) => ({ ...c, [zone.id]: zone }));
      showApiError(error);
    } finally {
      setSavingId(null);
    }
  };

  return (
    <View className="card">
      <Text className="card__title">通行区域</Text>
      <StateView
        loading={zones.loading && !items}
        error={items ? undefined : zones.error}
        isEmpty={items?.length === 0}
        emptyText="暂无门岗"
        onRetry={zones.reload}
      >
        {items?.map((zone) => (
          <View key={zone.id} className="visitors-admin__zone">
            <Text className="visitors-admin__zone-name">{zone.name}</Text>
            {POLICIES.map((policy) => (
              <View key={policy.key} className="switch-row">
                <View className="visitors-admin__policy">
                  <Text>{policy.label}</Text>
                  <Text className="muted">{policy.hint}</Text>
                </View>
                <Switch
                  checked={zone[policy.key]}
                  color="#1677ff"
                  disabled={savingId === zone.id || undefined}
                  onChange={(e) => void toggle(zone, policy.key, e.detail.value)}
                />
              </View>
            ))}
          </View>
        ))}
      </StateView>
    </View>
  );
}
