import { Input, Picker, Text, View } from '@tarojs/components';
import { NumberStepper } from '../../components/number-stepper';
import { DAYS, MAX_ENTRIES, type InviteDraft } from '../../invite-form';
import { shanghaiToday, type WindowDraft } from '../../visit-format';

type Schedule = Pick<InviteDraft, 'purpose' | 'window' | 'days' | 'maxEntries'>;

interface Props {
  schedule: Schedule;
  errorOf: (field: string) => string | undefined;
  /** `field` names what changed (`window.endTime`…), so that its problem can go. */
  onChange: (patch: Partial<Schedule>, field: string) => void;
}

/** 来访安排: purpose, day and times, repeat days and entries per day. */
export function ScheduleFields({ schedule, errorOf, onChange }: Props) {
  const changeWindow = (patch: Partial<WindowDraft>, field: keyof WindowDraft) =>
    onChange({ window: { ...schedule.window, ...patch } }, `window.${field}`);
  const error = (field: string) => {
    const message = errorOf(field);
    return message ? <Text className="form-error">{message}</Text> : null;
  };

  return (
    <View className="card">
      <Text className="card__title">来访安排</Text>
      <View className="field">
        <Input
          className="field__input"
          placeholder="来访事由（不超过 100 字）"
          maxlength={100}
          value={schedule.purpose}
          onInput={(e) => onChange({ purpose: e.detail.value }, 'purpose')}
        />
      </View>
      {error('purpose')}
      <Picker
        mode="date"
        value={schedule.window.date}
        start={shanghaiToday()}
        onChange={(e) => changeWindow({ date: e.detail.value }, 'date')}
      >
        <View className="field">
          <Text className="invite__picker-value">日期：{schedule.window.date}</Text>
        </View>
      </Picker>
      {error('window.date')}
      <View className="invite__times">
        <Picker
          className="invite__time"
          mode="time"
          value={schedule.window.startTime}
          onChange={(e) => changeWindow({ startTime: e.detail.value }, 'startTime')}
        >
          <View className="field">
            <Text className="invite__picker-value">{schedule.window.startTime}</Text>
          </View>
        </Picker>
        <Text className="invite__dash">至</Text>
        <Picker
          className="invite__time"
          mode="time"
          value={schedule.window.endTime}
          onChange={(e) => changeWindow({ endTime: e.detail.value }, 'endTime')}
        >
          <View className="field">
            <Text className="invite__picker-value">{schedule.window.endTime}</Text>
          </View>
        </Picker>
      </View>
      {error('window.startTime')}
      {error('window.endTime')}
      {error('window')}
      <View className="switch-row">
        <Text>重复</Text>
        <NumberStepper
          value={schedule.days}
          min={DAYS.min}
          max={DAYS.max}
          format={(n) => (n === 1 ? '仅当天' : `连续${n}天`)}
          onChange={(days) => onChange({ days }, 'days')}
        />
      </View>
      {error('days')}
      <View className="switch-row">
        <Text>每天可进入</Text>
        <NumberStepper
          value={schedule.maxEntries}
          min={MAX_ENTRIES.min}
          max={MAX_ENTRIES.max}
          format={(n) => `${n} 次`}
          onChange={(maxEntries) => onChange({ maxEntries }, 'maxEntries')}
        />
      </View>
      {error('maxEntries')}
    </View>
  );
}
