import { useMemo, useState } from 'react';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { AnnouncementBodySchema, hasRole } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { ApiError, showApiError } from '@/services/request';
import { useSession } from '@/stores/session';
import { notificationsApi } from '../../api';
import { departmentOptions } from '../../department-options';
import { fieldErrors, type FieldErrors } from '../../field-errors';
import './index.scss';

/** Deeper departments are indented no further than this. */
const MAX_INDENT = 3;

export default function AnnouncePage() {
  const signedIn = useRequireSession();
  const isAdmin = useSession((s) => (s.me ? hasRole(s.me.roles, 'admin') : false));
  const departments = useApi(notificationsApi.departments, { enabled: signedIn && isAdmin });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [urgent, setUrgent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState<number | null>(null);
  const [sending, setSending] = useState(false);

  const items = departments.data?.items;
  const options = useMemo(() => departmentOptions(items ?? []), [items]);

  const toggleDepartment = (id: string) =>
    setDepartmentIds((ids) => (ids.includes(id) ? ids.filter((d) => d !== id) : [...ids, id]));

  const submit = async () => {
    setSentTo(null);
    const parsed = AnnouncementBodySchema.safeParse({
      title,
      body,
      departmentIds,
      urgency: urgent ? 'urgent' : 'normal',
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), issue: i.message }))));
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const { recipients } = await notificationsApi.announce(parsed.data);
      setSentTo(recipients);
      setTitle('');
      setBody('');
      setDepartmentIds([]);
      setUrgent(false);
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) setErrors(fieldErrors(error.details));
      else if (error instanceof ApiError && error.code === 'DIRECTORY_DEPARTMENT_NOT_FOUND') {
        setErrors({ departmentIds: error.message });
        void departments.reload();
      } else showApiError(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="page announce">
      <StateView loading={!signedIn} isEmpty={!isAdmin} emptyText="仅管理员可以发布通知">
        {sentTo !== null ? (
          <View className="card announce__sent">
            <Text className="announce__sent-text">已发送给 {sentTo} 人</Text>
          </View>
        ) : null}

        <View className="card">
          <Text className="card__title">通知内容</Text>
          <View className="field">
            <Input
              className="field__input"
              placeholder="标题（不超过 40 字）"
              maxlength={40}
              value={title}
              onInput={(e) => setTitle(e.detail.value)}
            />
          </View>
          {errors.title ? <Text className="form-error">{errors.title}</Text> : null}
          <Textarea
            className="announce__body"
            placeholder="正文（不超过 1000 字）"
            maxlength={1000}
            value={body}
            onInput={(e) => setBody(e.detail.value)}
          />
          {errors.body ? <Text className="form-error">{errors.body}</Text> : null}
          <View className="switch-row">
            <Text>紧急（同时发送短信）</Text>
            <Switch
              checked={urgent}
              color="#ff4d4f"
              onChange={(e) => {
                setUrgent(e.detail.value);
                setSentTo(null);
              }}
            />
          </View>
          {errors.urgency ? <Text className="form-error">{errors.urgency}</Text> : null}
        </View>

        <View className="card">
          <Text className="card__title">发送范围</Text>
          <Text className="muted">选中的部门含其下级部门；不选部门即发送给全院。</Text>
          {errors.departmentIds ? <Text className="form-error">{errors.departmentIds}</Text> : null}
          <View className="list-item" onClick={() => setDepartmentIds([])}>
            <View className="list-item__main">
              <Text className="list-item__title">全院</Text>
            </View>
            <Text className="announce__check">{departmentIds.length === 0 ? '✓' : ''}</Text>
          </View>
          <StateView
            loading={departments.loading && !items}
            error={items ? undefined : departments.error}
            isEmpty={options.length === 0}
            emptyText="暂无部门"
            onRetry={departments.reload}
          >
            {options.map(({ department, depth }) => (
              <View key={department.id} className="list-item" onClick={() => toggleDepartment(department.id)}>
                <View className={`list-item__main announce__depth-${Math.min(depth, MAX_INDENT)}`}>
                  <Text className="list-item__title">{department.name}</Text>
                </View>
                <Text className="announce__check">{departmentIds.includes(department.id) ? '✓' : ''}</Text>
              </View>
            ))}
          </StateView>
        </View>

        {errors.other?.map((issue, index) => (
          <Text key={index} className="form-error announce__other">
            {issue}
          </Text>
        ))}
        <View className="announce__actions">
          <ActionButton
            className="button button--primary"
            loading={sending}
            disabled={sending}
            onClick={() => void submit()}
          >
            发送通知
          </ActionButton>
        </View>
      </StateView>
    </View>
  );
}
