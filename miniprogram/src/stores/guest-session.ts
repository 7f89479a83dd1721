import Taro from '@tarojs/taro';
import { z } from 'zod';
import { create } from 'zustand';
import { GuestSessionSchema, type GuestSession } from '@dayuan/shared';

export const GUEST_SESSION_STORAGE_KEY = 'dayuan.guest-session';

/** The session as stored: the server's answer, plus the phone number when the visitor typed it here. */
const StoredGuestSessionSchema = GuestSessionSchema.extend({ phone: z.string().optional() });

interface GuestSessionState {
  /** The guest token from an SMS sign-in, while it has not expired. */
  session: GuestSession | null;
  /**
   * The full phone number the token was issued for, when known: typed on the phone sign-in form; not
   * known after an invitation link, which sends the code to a number the visitor never types.
   */
  phone: string | null;
  /** The last token was refused or ran out: the visitor is asked for a new SMS code. */
  expired: boolean;
  save: (session: GuestSession, phone?: string) => void;
  /** Forgets the token; `expired` says whether the visitor should be told it ran out. */
  clear: (expired?: boolean) => void;
}

const isLive = (session: GuestSession) => Date.parse(session.expiresAt) > Date.now();

function stored(): Pick<GuestSessionState, 'session' | 'phone'> {
  const parsed = StoredGuestSessionSchema.safeParse(Taro.getStorageSync(GUEST_SESSION_STORAGE_KEY));
  if (!parsed.success || !isLive(parsed.data)) return { session: null, phone: null };
  const { phone, ...session } = parsed.data;
  return { session, phone: phone ?? null };
}

/**
 * The visitor's guest session (visitors have no staff account): kept in Taro storage so an SMS link
 * opened again later shows the pass without a new code. It depends on nothing in the main package,
 * so the independent `visitor` subpackage can use it when WeChat starts there.
 */
export const useGuestSession = create<GuestSessionState>()((set) => ({
  ...stored(),
  expired: false,
  save: (session, phone) => {
    Taro.setStorageSync(GUEST_SESSION_STORAGE_KEY, { ...session, phone });
    set({ session, phone: phone ?? null, expired: false });
  },
  clear: (expired = false) => {
    Taro.removeStorageSync(GUEST_SESSION_STORAGE_KEY);
    set({ session: null, phone: null, expired });
  },
}));

/** The token to send on guest routes, or null; a token past its expiry is forgotten here. */
export function guestToken(): string | null {
  const { session, clear } = useGuestSession.getState();
  if (!session) return null;
  if (isLive(session)) return session.token;
  clear(true);
  return null;
}
