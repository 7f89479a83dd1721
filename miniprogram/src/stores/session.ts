import Taro from '@tarojs/taro';
import { z } from 'zod';
import { create } from 'zustand';
import { persist, type PersistStorage } from 'zustand/middleware';
import { MeSchema, TokenPairSchema, type Me, type Session, type TokenPair } from '@dayuan/shared';

interface SessionState {
  tokens: TokenPair | null;
  me: Me | null;
  signIn: (session: Session) => void;
  setTokens: (tokens: TokenPair) => void;
  setMe: (me: Me) => void;
  clear: () => void;
}

export const SESSION_STORAGE_KEY = 'dayuan.session';

const StoredSessionSchema = z.object({
  state: z.object({ tokens: TokenPairSchema.nullable(), me: MeSchema.nullable() }),
  version: z.number().optional(),
});
type StoredSession = z.infer<typeof StoredSessionSchema>;

/**
 * Taro's synchronous storage (wx storage on weapp, localStorage on h5), so hydration is immediate.
 * The session is stored as an object; a copy that no longer matches the contract is ignored.
 */
const taroStorage: PersistStorage<StoredSession['state']> = {
  getItem: (key) => {
    const stored = StoredSessionSchema.safeParse(Taro.getStorageSync(key));
    return stored.success ? stored.data : null;
  },
  setItem: (key, value) => Taro.setStorageSync(key, value),
  removeItem: (key) => Taro.removeStorageSync(key),
};

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      tokens: null,
      me: null,
      signIn: (session) => set({ tokens: session.tokens, me: session.me }),
      setTokens: (tokens) => set({ tokens }),
      setMe: (me) => set({ me }),
      clear: () => set({ tokens: null, me: null }),
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: taroStorage,
      partialize: ({ tokens, me }) => ({ tokens, me }),
    },
  ),
);
