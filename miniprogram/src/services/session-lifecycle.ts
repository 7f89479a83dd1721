import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import { realtime } from './realtime';
import { forgetSubscribeTemplates, prefetchSubscribeTemplates } from './subscribe';

/**
 * Runs what a signed-in session needs besides its pages: the realtime connection (and the unread count
 * it brings) and the subscribe template ids. Starts at once when signed in, else at sign-in; stops at
 * sign-out, however the session ends. Returns a function that stops following.
 */
export function followSession(): () => void {
  let signedIn = false;
  const follow = (now: boolean) => {
    if (now === signedIn) return;
    signedIn = now;
    if (now) {
      realtime.start();
      prefetchSubscribeTemplates();
    } else {
      realtime.stop();
      forgetSubscribeTemplates();
      useInbox.getState().reset();
    }
  };
  follow(useSession.getState().tokens !== null);
  const unsubscribe = useSession.subscribe((s) => follow(s.tokens !== null));
  return () => {
    unsubscribe();
    follow(false);
  };
}
