import { Text, View } from '@tarojs/components';
import { Avatar } from './avatar';

interface Props {
  name: string;
  subtitle: string;
}

/** Large avatar, name and one line under it: the top card of a person's page. */
export function ProfileHead({ name, subtitle }: Props) {
  return (
    <View className="card profile-head">
      <Avatar name={name} size="large" />
      <View className="profile-head__who">
        <Text className="profile-head__name">{name}</Text>
        <Text className="muted">{subtitle}</Text>
      </View>
    </View>
  );
}
