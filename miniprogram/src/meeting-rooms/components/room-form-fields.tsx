import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import { Equipment, equipmentLabels, type Equipment as EquipmentKind } from '@dayuan/shared';
import type { FormErrors } from '../booking-form';
import type { RoomDraft } from '../room-form';

interface Props {
  draft: RoomDraft;
  errors: FormErrors;
  /** Buildings to choose from when adding a room; an existing room keeps its building. */
  buildings?: { id: string; name: string }[];
  onChange: (patch: Partial<RoomDraft>, field: keyof RoomDraft) => void;
}

type TextField =
  'floor' | 'code' | 'name' | 'capacity' | 'maxDurationMinutes' | 'maxDaysAhead' | 'minNoticeMinutes';

/** The fields of a meeting room and its rules: the same form adds a room and changes one. */
export function RoomFormFields({ draft, errors, buildings, onChange }: Props) {
  const error = (field: keyof RoomDraft) =>
    errors.fields[field] ? <Text className="form-error">{errors.fields[field]}</Text> : null;
  const input = (field: TextField, label: string, placeholder: string, numeric = true, unit?: string) => (
    <View>
      <View className="field mr-admin__field">
        <Text className="mr-admin__label">{label}</Text>
        <Input
          className={`field__input mr-admin__${field}`}
          type={numeric ? 'number' : 'text'}
          placeholder={placeholder}
          value={draft[field]}
          onInput={(e) => onChange({ [field]: e.detail.value }, field)}
        />
        {unit ? <Text className="muted">{unit}</Text> : null}
      </View>
      {error(field)}
    </View>
  );
  const toggle = (e: EquipmentKind) =>
    onChange(
      {
        equipment: draft.equipment.includes(e)
          ? draft.equipment.filter((x) => x !== e)
          : [...draft.equipment, e],
      },
      'equipment',
    );

  return (
    <View className="mr-admin__form">
      {buildings ? (
        <View>
          <Text className="muted">楼宇</Text>
          <View className="chips">
            {buildings.map((b) => (
              <Text
                key={b.id}
                className={`chip${b.id === draft.buildingId ? ' chip--active' : ''}`}
                onClick={() => onChange({ buildingId: b.id }, 'buildingId')}
              >
                {b.name}
              </Text>
            ))}
          </View>
          {error('buildingId')}
          {input('floor', '楼层', '楼层', true, '楼')}
          {input('code', '房间号', '如 301 或 B-12', false)}
        </View>
      ) : null}
      {input('name', '名称', '会议室名称（不超过 30 字）', false)}
      {input('capacity', '容纳人数', '人数', true, '人')}
      <Text className="muted">设备</Text>
      <View className="chips">
        {Equipment.options.map((e) => (
          <Text
            key={e}
            className={`chip${draft.equipment.includes(e) ? ' chip--active' : ''}`}
            onClick={() => toggle(e)}
          >
            {equipmentLabels[e]}
          </Text>
        ))}
      </View>
      {error('equipment')}
      <View className="switch-row">
        <Text>需审批</Text>
        <Switch
          className="mr-admin__restricted"
          checked={draft.restricted}
          onChange={(e) => onChange({ restricted: e.detail.value }, 'restricted')}
        />
      </View>
      <Text className="muted">开放时间</Text>
      <View className="mr-times">
        <Picker
          className="mr-picker mr-admin__open-from"
          mode="time"
          value={draft.openFrom}
          onChange={(e) => onChange({ openFrom: e.detail.value }, 'openFrom')}
        >
          <View className="field">
            <Text className="mr-picker-value">{draft.openFrom}</Text>
          </View>
        </Picker>
        <Text className="mr-dash">至</Text>
        <Picker
          className="mr-picker mr-admin__open-until"
          mode="time"
          value={draft.openUntil}
          onChange={(e) => onChange({ openUntil: e.detail.value }, 'openUntil')}
        >
          <View className="field">
            <Text className="mr-picker-value">{draft.openUntil}</Text>
          </View>
        </Picker>
      </View>
      {error('openFrom')}
      {error('openUntil')}
      {input('maxDurationMinutes', '单次最长', '15–1440', true, '分钟')}
      {input('maxDaysAhead', '可提前预订', '0–365', true, '天')}
      {input('minNoticeMinutes', '至少提前', '0–10080', true, '分钟')}
    </View>
  );
}
