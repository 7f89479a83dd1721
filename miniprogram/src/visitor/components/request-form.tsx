import type { ReactNode } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import type { Zone } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import type { RequestErrors } from '../field-errors';
import { todayInChina } from '../format-window';
import { idNumberRequired, type RequestDraft } from '../request-draft';
import { PrivacyNotice } from './privacy-notice';
import { ZoneChoice } from './zone-choice';

interface Props {
  zones: readonly Zone[];
  /** Asks for the phone number when the guest session does not know it. */
  askPhone: { phoneMasked: string } | null;
  draft: RequestDraft;
  onChange: (change: Partial<RequestDraft>) => void;
  errors: RequestErrors;
  /** A problem with the whole request (daily cap reached, blocked, too many requests). */
  problem: string;
  submitting: boolean;
  onSubmit: () => void;
}

/** Where the end-time picker starts: an hour after the chosen start. */
function anHourAfter(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (hours >= 23) return '23:59';
  return `${String(hours + 1).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function FieldError({ text }: { text?: string }) {
  return text ? <Text className="form-error">{text}</Text> : null;
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="request-form__item">
      <Text className="request-form__label">{label}</Text>
      {children}
    </View>
  );
}

/** Who is coming, when, to which zones, and the consent to the privacy notice. */
export function RequestForm({
  zones,
  askPhone,
  draft,
  onChange,
  errors,
  problem,
  submitting,
  onSubmit,
}: Props) {
  const today = todayInChina();
  const idRequired = idNumberRequired(draft, zones);
  const toggleZone = (id: string) =>
    onChange({
      gateIds: draft.gateIds.includes(id) ? draft.gateIds.filter((g) => g !== id) : [...draft.gateIds, id],
    });

  return (
    <View className="request-form">
      <View className="card">
        <Text className="card__title">来访信息</Text>
        {askPhone ? (
          <Labelled label={`手机号（已验证 ${askPhone.phoneMasked}）`}>
            <View className="field">
              <Input
                className="field__input"
                type="number"
                placeholder="请输入已验证的手机号"
                maxlength={11}
                value={draft.phone}
                onInput={(e) => onChange({ phone: e.detail.value })}
              />
            </View>
            <FieldError text={errors.phone} />
          </Labelled>
        ) : null}
        <Labelled label="姓名">
          <View className="field">
            <Input
              className="field__input"
              placeholder="请输入您的姓名"
              maxlength={30}
              value={draft.name}
              onInput={(e) => onChange({ name: e.detail.value })}
            />
          </View>
          <FieldError text={errors.name} />
        </Labelled>
        <Labelled label="单位（选填）">
          <View className="field">
            <Input
              className="field__input"
              placeholder="请输入您的单位"
              maxlength={60}
              value={draft.company}
              onInput={(e) => onChange({ company: e.detail.value })}
            />
          </View>
          <FieldError text={errors.company} />
        </Labelled>
        <Labelled label="来访事由">
          <View className="field">
            <Input
              className="field__input"
              placeholder="如：商谈项目合作"
              maxlength={100}
              value={draft.purpose}
              onInput={(e) => onChange({ purpose: e.detail.value })}
            />
          </View>
          <FieldError text={errors.purpose} />
        </Labelled>
        <Labelled label="来访时间">
          <View className="request-form__window">
            <Picker
              mode="date"
              start={today}
              value={draft.date || today}
              onChange={(e) => onChange({ date: String(e.detail.value) })}
            >
              <Text className="request-form__pick">{draft.date || '选择日期'}</Text>
            </Picker>
            <Picker
              mode="time"
              value={draft.startTime || '09:00'}
              onChange={(e) => onChange({ startTime: String(e.detail.value) })}
            >
              <Text className="request-form__pick">{draft.startTime || '开始时间'}</Text>
            </Picker>
            <Text className="request-form__to">至</Text>
            <Picker
              mode="time"
              value={draft.endTime || (draft.startTime ? anHourAfter(draft.startTime) : '10:00')}
              onChange={(e) => onChange({ endTime: String(e.detail.value) })}
            >
              <Text className="request-form__pick">{draft.endTime || '结束时间'}</Text>
            </Picker>
          </View>
          <FieldError text={errors.window} />
        </Labelled>
      </View>

      <View className="card">
        <Text className="card__title">通行区域</Text>
        <ZoneChoice zones={zones} chosen={draft.gateIds} onToggle={toggleZone} />
        <FieldError text={errors.gateIds} />
      </View>

      <View className="card">
        <Text className="card__title">证件与车辆</Text>
        <Labelled label={idRequired ? '身份证号（所选区域要求登记）' : '身份证号（选填）'}>
          <View className="field">
            <Input
              className="field__input"
              type="idcard"
              placeholder="请输入 18 位身份证号"
              maxlength={18}
              value={draft.idNumber}
              onInput={(e) => onChange({ idNumber: e.detail.value })}
            />
          </View>
          <FieldError text={errors.idNumber} />
        </Labelled>
        <Labelled label="车牌号（选填，驾车来访时填写）">
          <View className="field">
            <Input
              className="field__input"
              placeholder="如：浙A12345"
              maxlength={10}
              value={draft.plate}
              onInput={(e) => onChange({ plate: e.detail.value })}
            />
          </View>
          <FieldError text={errors.plate} />
        </Labelled>
        <PrivacyNotice
          accepted={draft.acceptPrivacy}
          onToggle={() => onChange({ acceptPrivacy: !draft.acceptPrivacy })}
          error={errors.acceptPrivacy}
        />
      </View>

      <View className="request-form__actions">
        {errors.other?.map((issue, index) => (
          <Text key={index} className="form-error">
            {issue}
          </Text>
        ))}
        {problem ? <Text className="form-error request-form__problem">{problem}</Text> : null}
        <ActionButton
          className="button button--primary"
          loading={submitting}
          disabled={submitting}
          onClick={onSubmit}
        >
          提交预约
        </ActionButton>
      </View>
    </View>
  );
}
