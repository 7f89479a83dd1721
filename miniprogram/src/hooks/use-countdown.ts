import { useEffect, useState } from 'react';

export interface Deadline {
  /** When to act, in this device's clock (epoch ms). */
  at: number;
  /** Whole seconds from `at` when the deadline was set: what shows before the first tick. */
  seconds: number;
}

/** A deadline `seconds` from now on this device's clock (a skewed clock does not matter). */
export function deadlineIn(seconds: number): Deadline {
  return { at: Date.now() + seconds * 1000, seconds };
}

/**
 * Whole seconds left until `deadline`, ticking once a second while `running`; calls `onElapsed` once when
 * it reaches zero. Shared by the staff entry code and the visitor pass (the independent subpackage bundles
 * its own copy at build time).
 */
export function useCountdown(
  deadline: Deadline | undefined,
  running: boolean,
  onElapsed?: () => void,
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
        onElapsed?.();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, running, onElapsed]);

  if (!deadline) return 0;
  return left?.at === deadline.at ? left.seconds : deadline.seconds;
}
