import { Text, View } from '@tarojs/components';
import type { PersonSummary } from '@dayuan/shared';
import { PersonSearch } from '@/components/person-search';
import { guardApi } from '../../guard-api';

interface Props {
  host: PersonSummary | null;
  onPick: (host: PersonSummary | null) => void;
  issue?: string;
}

/** 被访人: search the directory and pick one person. */
export function HostPicker({ host, onPick, issue }: Props) {
  if (host) {
    return (
      <View className="walk-in__host">
        <View className="list-item__main">
          <Text className="list-item__title">{host.name}</Text>
          <Text className="muted">
            {[host.department?.path, host.title].filter(Boolean).join(' · ') || host.employeeNo}
          </Text>
        </View>
        <Text className="walk-in__link" onClick={() => onPick(null)}>
          更换
        </Text>
      </View>
    );
  }
  return (
    <PersonSearch
      role="被访人"
      search={guardApi.searchHosts}
      onPick={onPick}
      action="选择"
      rowClass="walk-in__candidate"
      actionClass="walk-in__link"
      issue={issue}
    />
  );
}
