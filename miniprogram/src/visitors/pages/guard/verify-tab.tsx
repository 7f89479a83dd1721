import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { denyReasonLabels, type GateDecision } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { ApiError, errorMessage } from '@/services/request';
import { guardApi, type Passage } from '../../guard-api';
import type { GuardGate } from '../../guard-gates';
import { directionLabels } from '../../passage-labels';

type Direction = Passage['direction'];

interface Verdict extends GateDecision {
  gate: GuardGate;
  direction: Direction;
}

/** Errors that mean this phone's idea of the guard's gates is out of date. */
const STALE_GATE_ERRORS: readonly string[] = ['VISITORS_NOT_YOUR_GATE', 'DIRECTORY_GATE_NOT_FOUND'];

interface Props {
  gate: GuardGate;
  /** A code was checked: the server logged a passage (and maybe changed a visit). */
  onChecked: () => void;
  /** The server says the guard's gates changed. */
  onStaleGates: () => void;
}

/**
 * 核验: a staff entry code or a visitor pass, scanned with the camera (weapp) or typed/pasted (H5), checked
 * at the chosen gate in the chosen direction. Shows allow or deny with the reason in Chinese.
 */
export function VerifyTab({ gate, onChecked, onStaleGates }: Props) {
  const [direction, setDirection] = useState<Direction>('in');
  const [typed, setTyped] = useState('');
  const [checking, setChecking] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const verify = async (code: string) => {
    setChecking(true);
    setVerdict(null);
    setProblem(null);
    try {
      const decision = await guardApi.guardScan({ gateId: gate.id, code, direction });
      setVerdict({ ...decision, gate, direction });
      setTyped('');
      onChecked();
    } catch (error) {
      setProblem(errorMessage(error));
      if (error instanceof ApiError && STALE_GATE_ERRORS.includes(error.code)) onStaleGates();
    } finally {
      setChecking(false);
    }
  };

  const scan = async () => {
    let code: string;
    try {
      ({ result: code } = await Taro.scanCode({ onlyFromCamera: true }));
    } catch (error) {
      const cancelled = /cancel/.test((error as { errMsg?: string } | undefined)?.errMsg ?? '');
      if (!cancelled) setProblem('无法打开扫码，请检查相机权限后重试');
      return;
    }
    await verify(code);
  };

  const verifyTyped = () => {
    const code = typed.trim();
    if (code === '') {
      setProblem('请输入通行码');
      return;
    }
    void verify(code);
  };

  return (
    <>
      <View className="card">
        <View className="info-row">
          <Text className="info-row__label">方向</Text>
          <View className="guard__directions">
            {(['in', 'out'] as const).map((d) => (
              <Text
                key={d}
                className={`guard__direction${d === direction ? ' guard__direction--active' : ''}`}
                onClick={() => setDirection(d)}
              >
                {d === 'in' ? '进' : '出'}
              </Text>
            ))}
          </View>
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <ActionButton
            className="button button--primary guard__big-button"
            loading={checking}
            disabled={checking}
            onClick={() => void scan()}
          >
            扫码核验
          </ActionButton>
        ) : (
          <>
            <View className="field guard__field">
              <Input
                className="field__input"
                placeholder="输入或粘贴通行码"
                maxlength={256}
                value={typed}
                onInput={(e) => setTyped(e.detail.value)}
                onConfirm={verifyTyped}
              />
            </View>
            <ActionButton
              className="button button--primary guard__big-button"
              loading={checking}
              disabled={checking}
              onClick={verifyTyped}
            >
              核验
            </ActionButton>
          </>
        )}
        {problem ? <Text className="form-error guard__problem">{problem}</Text> : null}
      </View>

      {verdict ? (
        <View className={`card guard__verdict guard__verdict--${verdict.decision}`}>
          <Text className="guard__verdict-title">
            {verdict.decision === 'allow' ? '允许通行' : '禁止通行'}
          </Text>
          {verdict.reason ? (
            <Text className="guard__verdict-reason">{denyReasonLabels[verdict.reason]}</Text>
          ) : null}
          <Text className="guard__verdict-display">{verdict.display}</Text>
          <Text className="muted">
            {verdict.gate.name} · {directionLabels[verdict.direction]}
          </Text>
        </View>
      ) : null}
    </>
  );
}
