import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import {
  ImportBodySchema,
  hasRole,
  importColumns,
  type ErrorDetail,
  type ImportReport,
} from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { InfoRow } from '@/components/info-row';
import { StateView } from '@/components/state-view';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, showApiError } from '@/services/request';
import { useSession } from '@/stores/session';
import { directoryApi } from '../../api';
import { describeProblem } from '../../import-problems';
import { pickCsvText } from '../../pick-csv';
import './index.scss';

interface Failure {
  message: string;
  details: ErrorDetail[];
}

export default function ImportPage() {
  const signedIn = useRequireSession();
  const isAdmin = useSession((s) => (s.me ? hasRole(s.me.roles, 'admin') : false));
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const edit = (text: string) => {
    setCsv(text);
    setReport(null);
    setFailure(null);
  };

  const pick = async () => {
    try {
      const text = await pickCsvText();
      if (text !== null) edit(text);
    } catch {
      void Taro.showToast({ title: '读取文件失败，请重试', icon: 'none' });
    }
  };

  const submit = async (dryRun: boolean) => {
    const parsed = ImportBodySchema.safeParse({ csv, dryRun });
    if (!parsed.success) {
      setFailure({ message: parsed.error.issues[0]?.message ?? '请检查导入内容', details: [] });
      return;
    }
    setBusy(dryRun ? 'check' : 'apply');
    setReport(null);
    setFailure(null);
    try {
      setReport(await directoryApi.import(parsed.data));
      if (!dryRun) void Taro.showToast({ title: '导入成功', icon: 'success' });
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        setFailure({ message: error.message, details: error.details });
      } else {
        showApiError(error);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="page import">
      <StateView loading={!signedIn} isEmpty={!isAdmin} emptyText="仅管理员可以导入人员">
        <View className="card">
          <Text className="card__title">CSV 内容</Text>
          <Text className="muted">第一行为表头：{importColumns.join(',')}；全部行校验通过才会导入。</Text>
          <Textarea
            className="import__text"
            value={csv}
            maxlength={-1}
            placeholder={`粘贴 CSV 文本，例如：\n${importColumns.join(',')}`}
            onInput={(e) => edit(e.detail.value)}
          />
          <ActionButton className="button" type="default" disabled={busy !== null} onClick={pick}>
            选择 CSV 文件
          </ActionButton>
          <View className="import__actions">
            <ActionButton
              className="button import__action"
              type="default"
              loading={busy === 'check'}
              disabled={busy !== null}
              onClick={() => void submit(true)}
            >
              校验
            </ActionButton>
            <ActionButton
              className="button button--primary import__action"
              loading={busy === 'apply'}
              disabled={busy !== null}
              onClick={() => void submit(false)}
            >
              导入
            </ActionButton>
          </View>
        </View>

        {report ? (
          <View className="card">
            <Text className="card__title">{report.dryRun ? '校验通过，可以导入' : '导入完成'}</Text>
            <InfoRow label="数据行数" value={String(report.totalRows)} />
            <InfoRow label={report.dryRun ? '将新增人员' : '新增人员'} value={String(report.created)} />
            <InfoRow label={report.dryRun ? '将更新人员' : '更新人员'} value={String(report.updated)} />
            <InfoRow label="无变化" value={String(report.unchanged)} />
            <InfoRow
              label={report.dryRun ? '将新建部门' : '新建部门'}
              value={String(report.departmentsCreated)}
            />
          </View>
        ) : null}

        {failure ? (
          <View className="card">
            <Text className="form-error">{failure.message}</Text>
            {failure.details.map((detail, index) => (
              <Text key={`${index}:${detail.path}`} className="import__problem">
                {describeProblem(detail)}
              </Text>
            ))}
          </View>
        ) : null}
      </StateView>
    </View>
  );
}
