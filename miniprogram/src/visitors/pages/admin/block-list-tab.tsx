import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { BlockEntry } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { TagList } from '@/components/tag-list';
import { usePagedApi } from '@/hooks/use-paged-api';
import { formatTime } from '@/services/format-time';
import { ApiError, showApiError } from '@/services/request';
import { adminApi } from '../../admin-api';
import {
  BLOCK_FIELDS,
  checkBlockEntry,
  emptyBlockForm,
  splitNames,
  type BlockField,
  type BlockForm,
} from '../../block-entry-form';
import { issuesByField, type FieldIssues } from '../../field-issues';
import { inCst } from '../../guard-expected';

const PAGE_SIZE = 20;

/** 禁止名单: who may not visit (by phone, ID number or name), added and lifted by admins. */
export function BlockListTab() {
  const fetchPage = useCallback((page: number) => adminApi.blockList(page, PAGE_SIZE), []);
  const list = usePagedApi(fetchPage);
  const [adding, setAdding] = useState(false);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);

  const remove = async (entry: BlockEntry) => {
    setRemovingId(entry.id);
    try {
      await adminApi.removeBlockEntry(entry.id);
      void Taro.showToast({ title: '已移除', icon: 'success' });
      setConfirmingId(null);
      void list.reload();
    } catch (error) {
      showApiError(error);
      if (error instanceof ApiError && error.code === 'VISITORS_BLOCK_ENTRY_NOT_FOUND') void list.reload();
    } finally {
      setRemovingId(null);
    }
  };

  return (
    <>
      {adding ? (
        <BlockEntryForm
          onAdded={() => {
            setAdding(false);
            void list.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <View className="visitors-admin__actions">
          <Button className="button button--primary" onClick={() => setAdding(true)}>
            添加禁止来访人员
          </Button>
        </View>
      )}

      <View className="card">
        <Text className="card__title">禁止名单（共 {list.total} 条）</Text>
        <StateView
          loading={list.loading && list.items.length === 0}
          error={list.items.length === 0 ? list.error : undefined}
          isEmpty={list.items.length === 0}
          emptyText="禁止名单为空"
          onRetry={list.reload}
        >
          {list.items.map((entry) => (
            <View key={entry.id} className="visitors-admin__entry">
              <Text className="list-item__title">
                {entry.names.length > 0 ? entry.names.join('、') : '（未填写姓名）'}
              </Text>
              {entry.phoneMasked ? (
                <Text className="visitors-admin__fact">手机：{entry.phoneMasked}</Text>
              ) : null}
              {entry.idNumberMasked ? (
                <Text className="visitors-admin__fact">身份证：{entry.idNumberMasked}</Text>
              ) : null}
              <Text className="visitors-admin__fact">原因：{entry.reason}</Text>
              <Text className="visitors-admin__fact">
                有效期：{entry.expiresAt ? `至 ${inCst(entry.expiresAt).format('YYYY-MM-DD')}` : '长期'}
              </Text>
              <Text className="muted">
                {entry.createdBy} 添加于 {formatTime(entry.createdAt)}
              </Text>
              {confirmingId === entry.id ? (
                <View className="visitors-admin__confirm">
                  <Text className="visitors-admin__confirm-text">
                    移除后该访客可再次预约和入园，确认移除？
                  </Text>
                  <View className="visitors-admin__confirm-actions">
                    <Button
                      className="visitors-admin__confirm-button"
                      disabled={removingId !== null || undefined}
                      onClick={() => setConfirmingId(null)}
                    >
                      取消
                    </Button>
                    <ActionButton
                      className="visitors-admin__confirm-button button--danger"
                      loading={removingId === entry.id}
                      disabled={removingId !== null}
                      onClick={() => void remove(entry)}
                    >
                      确认移除
                    </ActionButton>
                  </View>
                </View>
              ) : (
                <Button
                  className="visitors-admin__remove"
                  size="mini"
                  onClick={() => setConfirmingId(entry.id)}
                >
                  移除
                </Button>
              )}
            </View>
          ))}
          <ListFooter
            error={list.error}
            loading={list.loading}
            hasMore={list.hasMore}
            onMore={list.loadMore}
          />
        </StateView>
      </View>
    </>
  );
}

interface FormProps {
  onAdded: (entry: BlockEntry) => void;
  onCancel: () => void;
}

function BlockEntryForm({ onAdded, onCancel }: FormProps) {
  const [form, setForm] = useState<BlockForm>(emptyBlockForm);
  const [issues, setIssues] = useState<FieldIssues<BlockField>>({});
  const [saving, setSaving] = useState(false);
  const names = splitNames(form.names);

  const change = (key: keyof BlockForm, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    const field: BlockField = key === 'expiresOn' ? 'expiresAt' : key;
    setIssues(({ [field]: _dropped, other: _other, ...rest }) => rest);
  };

  const submit = async () => {
    const checked = checkBlockEntry(form);
    if ('issues' in checked) {
      setIssues(checked.issues);
      return;
    }
    setIssues({});
    setSaving(true);
    try {
      const entry = await adminApi.addBlockEntry(checked.body);
      void Taro.showToast({ title: '已加入禁止名单', icon: 'success' });
      setForm(emptyBlockForm);
      onAdded(entry);
    } catch (error) {
      if (!(error instanceof ApiError)) showApiError(error);
      else if (error.details.length > 0) setIssues(issuesByField(error.details, BLOCK_FIELDS));
      else if (error.code === 'VISITORS_BLOCK_ENTRY_EMPTY') setIssues({ other: [error.message] });
      else showApiError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="card">
      <Text className="card__title">添加禁止来访人员</Text>
      <Text className="muted">
        手机号、身份证号、姓名至少填写一项；任一项相符即拦截。姓名须与登记的完全一致，可填多个别名。
      </Text>
      <View className="field visitors-admin__field">
        <Input
          className="field__input"
          type="number"
          placeholder="手机号"
          maxlength={11}
          value={form.phone}
          onInput={(e) => change('phone', e.detail.value)}
        />
      </View>
      {issues.phone ? <Text className="form-error">{issues.phone}</Text> : null}
      <View className="field">
        <Input
          className="field__input"
          type="idcard"
          placeholder="身份证号"
          maxlength={18}
          value={form.idNumber}
          onInput={(e) => change('idNumber', e.detail.value)}
        />
      </View>
      {issues.idNumber ? <Text className="form-error">{issues.idNumber}</Text> : null}
      <View className="field">
        <Input
          className="field__input"
          placeholder="姓名及别名，用逗号分隔"
          maxlength={200}
          value={form.names}
          onInput={(e) => change('names', e.detail.value)}
        />
      </View>
      {names.length > 0 ? (
        <View className="visitors-admin__names">
          <TagList tags={names} />
        </View>
      ) : null}
      {issues.names ? <Text className="form-error">{issues.names}</Text> : null}
      <Textarea
        className="visitors-admin__reason"
        placeholder="原因（2–200 字）"
        maxlength={200}
        value={form.reason}
        onInput={(e) => change('reason', e.detail.value)}
      />
      {issues.reason ? <Text className="form-error">{issues.reason}</Text> : null}
      <View className="field">
        <Picker
          className="visitors-admin__picker"
          mode="date"
          value={form.expiresOn || inCst().format('YYYY-MM-DD')}
          start={inCst().format('YYYY-MM-DD')}
          onChange={(e) => change('expiresOn', e.detail.value)}
        >
          <Text className="field__input">
            {form.expiresOn ? `有效至 ${form.expiresOn}` : '有效期：长期（点此设置到期日）'}
          </Text>
        </Picker>
        {form.expiresOn ? (
          <Text className="visitors-admin__link" onClick={() => change('expiresOn', '')}>
            改为长期
          </Text>
        ) : null}
      </View>
      {issues.expiresAt ? <Text className="form-error">{issues.expiresAt}</Text> : null}
      {issues.other?.map((issue, index) => (
        <Text key={index} className="form-error">
          {issue}
        </Text>
      ))}
      <ActionButton
        className="button button--primary"
        loading={saving}
        disabled={saving}
        onClick={() => void submit()}
      >
        加入禁止名单
      </ActionButton>
      <Button className="button button--plain" disabled={saving || undefined} onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
