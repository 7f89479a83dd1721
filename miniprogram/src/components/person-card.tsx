import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { PersonSummary } from '@dayuan/shared';
import { InfoRow } from './info-row';
import { ProfileHead } from './profile-head';
import { TagList } from './tag-list';

interface Props {
  person: PersonSummary;
  /** Extra rows shown above the roles. */
  children?: ReactNode;
}

/** A person's header and card: employee number, department, masked phone, roles. */
export function PersonCard({ person, children }: Props) {
  return (
    <>
      <ProfileHead name={person.name} subtitle={person.title ?? '未填写职务'} />
      <View className="card">
        <InfoRow label="工号" value={person.employeeNo} />
        <InfoRow label="部门" value={person.department?.path ?? '未分配部门'} />
        <InfoRow label="手机号" value={person.phoneMasked} />
        {children}
        <View className="info-row">
          <Text className="info-row__label">角色</Text>
          <TagList tags={person.roleLabels} />
        </View>
      </View>
    </>
  );
}
