import { useEffect, type PropsWithChildren } from 'react';
import { followSession } from '@/services/session-lifecycle';
import './app.scss';

export default function App({ children }: PropsWithChildren) {
  // The realtime connection lives as long as the session, across pages.
  useEffect(() => followSession(), []);
  return children;
}
