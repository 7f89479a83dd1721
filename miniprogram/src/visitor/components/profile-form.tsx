import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ProfileBodySchema, type VisitorPass } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { ApiError, errorMessage } from '@/services/request';
import { visitorApi } from '../api';
import { PrivacyNotice } from './privacy-notice';

interface Props {
  pass: VisitorPass;
  /** The server's updated pass. */
  onDone: (pass: VisitorPass) => void;
  /** The pass changed meanwhile (cancelled, gone): reload the passes. */
  onStale: () => void;
}

const STALE_PASS_ERRORS: readonly string[] = ['VISITORS_STATE_CONFLICT', 'VISITORS_VISIT_NOT_FOUND'];

interface Problems {
  idNumber?: string;
  acceptPrivacy?: string;
  other?: string;
}

/** Before the QR code: the ID number (when a zone of the pass needs it) and consent to the privacy notice. */
export function ProfileForm({ pass, onDone, onStale }: Props) {
  const askIdNumber = pass.remaining.idNumber;
  const [idNumber, setIdNumber] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const missingId = askIdNumber && idNumber.trim() === '';
    const parsed = ProfileBodySchema.safeParse({
      idNumber: askIdNumber && !missingId ? idNumber : undefined,
      acceptPrivacy: accepted,
    });
    const found: Problems = missingId ? { idNumber: '请填写身份证号' } : {};
    for (const issue of parsed.error?.issues ?? []) {
      const field = issue.path[0] === 'idNumber' ? 'idNumber' : 'acceptPrivacy';
      found[field] ??= issue.message;
    }
    setProblems(found);
    if (!parsed.success || missingId) return;
    setBusy(true);
    try {
      onDone(await visitorApi.completeProfile(pass.id, parsed.data));
    } catch (error) {
      const idIssue =
        error instanceof ApiError ? error.details.find((d) => d.path.endsWith('idNumber')) : null;
      if (idIssue) setProblems({ idNumber: idIssue.issue });
      else if (error instanceof ApiError && error.code === 'VISITORS_ID_NUMBER_REQUIRED') {
        setProblems({ idNumber: error.message });
      } else {
        setProblems({ other: errorMessage(error) });
        if (error instanceof ApiError && STALE_PASS_ERRORS.includes(error.code)) onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="profile-form">
      <Text className="profile-form__title">
        {askIdNumber
          ? '请补充身份证号并确认个人信息告知，完成后即可查看通行码'
          : '请确认个人信息告知，完成后即可查看通行码'}
      </Text>
      {askIdNumber ? (
        <>
          <View className="field">
            <Input
              className="field__input"
              type="idcard"
              placeholder="请输入 18 位身份证号"
              value={idNumber}
              maxlength={18}
              onInput={(e) => setIdNumber(e.detail.value)}
            />
          </View>
          {problems.idNumber ? <Text className="form-error">{problems.idNumber}</Text> : null}
        </>
      ) : null}
      <PrivacyNotice
        accepted={accepted}
        onToggle={() => setAccepted((a) => !a)}
        error={problems.acceptPrivacy}
      />
      {problems.other ? <Text className="form-error">{problems.other}</Text> : null}
      <ActionButton
        className="button button--primary"
        loading={busy}
        disabled={busy}
        onClick={() => void submit()}
      >
        提交
      </ActionButton>
    </View>
  );
}
