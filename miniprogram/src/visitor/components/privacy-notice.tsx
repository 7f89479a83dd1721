import { Text, View } from '@tarojs/components';
import { CheckRow } from './check-row';

interface Props {
  accepted: boolean;
  onToggle: () => void;
  error?: string;
}

/**
 * What is collected, by whom, why, for how long and how it is protected, and the visitor's explicit
 * consent (PIPL: consent must be informed and given by an act of the person, never pre-ticked).
 */
export function PrivacyNotice({ accepted, onToggle, error }: Props) {
  return (
    <View className="privacy-notice">
      <Text className="privacy-notice__title">个人信息告知</Text>
      <Text className="privacy-notice__text">
        本院机关事务管理部门为办理来访登记收集您的姓名、手机号、单位、车牌号，以及所选区域要求时的身份证号。
      </Text>
      <Text className="privacy-notice__text">用途：仅用于来访预约、门岗通行核验和安全管理，不作他用。</Text>
      <Text className="privacy-notice__text">保存期限：来访结束后保存 30 天，到期自动删除。</Text>
      <Text className="privacy-notice__text">
        身份证号加密保存，工作人员和门岗只能看到脱敏后的号码（如 1101**********1234）。
      </Text>
      <CheckRow checked={accepted} onToggle={onToggle}>
        <Text>我已阅读并同意</Text>
      </CheckRow>
      {error ? <Text className="form-error">{error}</Text> : null}
    </View>
  );
}
