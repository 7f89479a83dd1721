import { Text, View } from '@tarojs/components';
import type { PersonSummary } from '@dayuan/shared';
import { Avatar } from '@/components/avatar';

interface Props {
  person: PersonSummary;
  onOpen: (person: PersonSummary) => void;
}

export function PersonRow({ person, onOpen }: Props) {
  const subtitle = [person.title, person.department?.name].filter(Boolean).join(' · ');
  return (
    <View className="list-item" onClick={() => onOpen(person)}>
      <Avatar name={person.name} />
      <View className="list-item__main">
        <Text className="list-item__title">
          {person.name}
          {person.status === 'disabled' ? '（已停用）' : ''}
        </Text>
        <Text className="muted">{subtitle || person.employeeNo}</Text>
      </View>
      <Text className="list-item__extra">{person.employeeNo}</Text>
    </View>
  );
}
