import { useEffect, useState } from 'react';

interface Deadline {
  /** When to act, in this device's clock (epoch ms). */
  at: number;
  /** Whole seconds from `at` when the deadline was set: what shows before the first tick. */
  seconds: number;
}

/**
 * Whole seconds left until `deadline`, ticking once a second while `running`; calls `onElapsed` once when
 * it reaches zero. Nothing ticks while stopped (page hidden, a reload under way) or after unmount.
 */
export function useCountdown(
  deadline: Deadline | undefined,
  running: boolean,
  onElapsed: () => void,
): number {
  const [left, setLeft] = useState<{ at: number; seconds: number } | null>(null);

  useEffect(() => {
    if (!deadline || !running) return;
    const { at } = deadline;
    const timer = setInterval(() => {
      const seconds = Math.max(0, Math.ceil((at - Date.now()) / 1000));
      setLeft({ at, seconds });
      if (seconds === 0) {
        clearInterval(timer);
        onElapsed();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, running, onElapsed]);

  if (!deadline) return 0;
  return left?.at === deadline.at ? left.seconds : deadline.seconds;
}
