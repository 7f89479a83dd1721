import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { errorTable, visitRoutes, type VisitorPass } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { ApiError, errorMessage } from '@/services/request';
import { useGuestSession } from '@/stores/guest-session';
import { visitorApi } from '../../api';
import { PhoneSignIn } from '../../components/phone-sign-in';
import { RequestForm } from '../../components/request-form';
import { RequestResult } from '../../components/request-result';
import { requestErrors, type RequestErrors } from '../../field-errors';
import { pageParam } from '../../page-params';
import { checkDraft, emptyDraft, type RequestDraft } from '../../request-draft';
import '../../visitor.scss';
import './index.scss';

/** Server answers that belong to one field of the form. */
const FIELD_OF_ERROR: Partial<Record<string, keyof RequestErrors>> = {
  VISITORS_ID_NUMBER_REQUIRED: 'idNumber',
  VISITORS_WINDOW_INVALID: 'window',
  DIRECTORY_GATE_NOT_FOUND: 'gateIds',
};

/**
 * A visitor asks to visit the host behind a booking code (`?c=<code>`, or `scene` from a printed
 * mini-program code): proves the phone by SMS, fills in the visit and consents to the privacy notice;
 * the host (and, for some zones, an approver) then decides.
 */
export default function RequestPage() {
  const { params } = useRouter();
  const code = pageParam(params, 'c');
  const codeIsWellFormed = visitRoutes.bookingPage.params?.safeParse({ code }).success === true;
  const fetchBooking = useCallback(() => visitorApi.bookingPage(code), [code]);
  const booking = useApi(fetchBooking, { enabled: codeIsWellFormed });
  const phoneMasked = useGuestSession((s) => s.session?.phoneMasked);
  const knownPhone = useGuestSession((s) => s.phone);
  const [draft, setDraft] = useState<RequestDraft>(emptyDraft);
  const [errors, setErrors] = useState<RequestErrors>({});
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<VisitorPass | null>(null);

  const zones = booking.data?.zones ?? [];

  const submit = async () => {
    setProblem('');
    if (!phoneMasked) return;
    const checked = checkDraft(draft, zones, { phoneMasked, phone: knownPhone });
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    setSubmitting(true);
    try {
      setCreated(await visitorApi.request(code, checked.body));
    } catch (error) {
      const field = error instanceof ApiError ? FIELD_OF_ERROR[error.code] : undefined;
      if (error instanceof ApiError && error.details.length > 0) setErrors(requestErrors(error.details));
      else if (error instanceof ApiError && field) setErrors({ [field]: error.message });
      else setProblem(errorMessage(error));
      if (error instanceof ApiError && error.code === 'DIRECTORY_GATE_NOT_FOUND') void booking.reload();
    } finally {
      setSubmitting(false);
    }
  };

  if (!codeIsWellFormed) {
    return (
      <View className="page visitor-request">
        <StateView loading={false} isEmpty emptyText={errorTable.VISITORS_BOOKING_CLOSED.message} />
      </View>
    );
  }

  const host = booking.data?.host;
  return (
    <View className="page visitor-request">
      <StateView
        loading={booking.loading && !booking.data}
        error={booking.data ? undefined : booking.error}
        isEmpty={zones.length === 0}
        emptyText="暂无可预约的通行区域，请联系被访人"
        onRetry={booking.reload}
      >
        {host ? (
          <View className="card visitor-request__host">
            <Text className="muted">预约拜访</Text>
            <Text className="visitor-request__host-name">{host.name}</Text>
            {host.department ? <Text className="muted">{host.department}</Text> : null}
          </View>
        ) : null}
        {created ? <RequestResult pass={created} /> : null}
        {!created && !phoneMasked ? (
          <PhoneSignIn title="验证手机号" hint="预约前请验证您的手机号，审批结果和通行证将发送到该手机号。" />
        ) : null}
        {!created && phoneMasked ? (
          <RequestForm
            zones={zones}
            askPhone={knownPhone ? null : { phoneMasked }}
            draft={draft}
            onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
            errors={errors}
            problem={problem}
            submitting={submitting}
            onSubmit={() => void submit()}
          />
        ) : null}
      </StateView>
    </View>
  );
}
