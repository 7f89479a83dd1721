import { Input, Text, View } from '@tarojs/components';
import type { VisitorDraft } from '../../invite-form';

type Field = Exclude<keyof VisitorDraft, 'key'>;

interface Props {
  index: number;
  visitor: VisitorDraft;
  /** The problem with one of this visitor's fields, if any. */
  errorOf: (field: Field) => string | undefined;
  onChange: (field: Field, value: string) => void;
  /** Absent when this is the only visitor. */
  onRemove?: () => void;
}

const FIELDS: readonly { field: Field; placeholder: string; maxlength: number; type?: 'number' }[] = [
  { field: 'name', placeholder: '访客姓名', maxlength: 30 },
  { field: 'phone', placeholder: '手机号', maxlength: 14, type: 'number' },
  { field: 'company', placeholder: '单位（选填）', maxlength: 60 },
  { field: 'plate', placeholder: '车牌号（选填）', maxlength: 10 },
];

/** One visitor's rows of the invite form. */
export function VisitorFields({ index, visitor, errorOf, onChange, onRemove }: Props) {
  return (
    <View className="invite__visitor">
      <View className="invite__visitor-head">
        <Text className="invite__visitor-title">访客 {index + 1}</Text>
        {onRemove ? (
          <Text className="invite__remove" onClick={onRemove}>
            删除
          </Text>
        ) : null}
      </View>
      {FIELDS.map(({ field, placeholder, maxlength, type }) => {
        const error = errorOf(field);
        return (
          <View key={field}>
            <View className="field">
              <Input
                className="field__input"
                placeholder={placeholder}
                maxlength={maxlength}
                type={type}
                value={visitor[field]}
                onInput={(e) => onChange(field, e.detail.value)}
              />
            </View>
            {error ? <Text className="form-error">{error}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
