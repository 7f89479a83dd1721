import { useEffect, useRef } from 'react';
import { useInbox } from '@/stores/inbox';
import { visitorAlert, type VisitorAlert } from './guard-alerts';

/**
 * Calls `onAlert` for every `visitors` notification pushed while the calling page is mounted (the realtime
 * connection hands them to the inbox store), oldest first. A notification delivered twice counts once.
 */
export function useVisitorAlerts(onAlert: (alert: VisitorAlert) => void): void {
  const handler = useRef(onAlert);
  useEffect(() => {
    handler.current = onAlert;
  });

  useEffect(
    () =>
      useInbox.subscribe((state, previous) => {
        if (state.latest === previous.latest) return;
        const known = new Set(previous.latest.map((item) => item.id));
        const arrived = state.latest.filter((item) => !known.has(item.id)).reverse();
        for (const item of arrived) {
          const alert = visitorAlert(item);
          if (alert) handler.current(alert);
        }
      }),
    [],
  );
}
