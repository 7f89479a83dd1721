import { useEffect } from 'react';
import { relaunchToLogin } from '@/services/request';
import { useSession } from '@/stores/session';

/** Sends a visitor who arrives signed out to the login page; returns whether someone is signed in. */
export function useRequireSession(): boolean {
  const signedIn = useSession((s) => s.tokens !== null);
  useEffect(() => {
    // Only on arrival: whoever ends a session later (logout, a refused refresh) navigates by itself,
    // and a second reLaunch racing the first one leaves H5 on a blank page.
    if (!useSession.getState().tokens) void relaunchToLogin();
  }, []);
  return signedIn;
}
