// Crash tests: PASSERELLE_FAILPOINTS=after:render,after:hook:notifications makes the process
// kill itself (SIGKILL, no cleanup) right after that point is durably recorded (and, for a
// step, once the steps running beside it have finished: see PublishWorker.failpoint), so a
// test can check that a restart finishes the work. Off unless the variable is set; the
// server logs loudly when it is.

export type FailpointName = 'job' | `after:${string}`;

export interface Failpoints {
  /** Kills the process if `name` is armed. */
  hit(name: FailpointName): void;
  readonly armed: readonly string[];
}

export function failpointsFrom(value: string | undefined, kill: () => never = () => process.kill(process.pid, 'SIGKILL') as never): Failpoints {
  const armed = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const set = new Set(armed);
  return {
    armed,
    hit(name) {
      if (set.has(name)) kill();
    },
  };
}

export const NO_FAILPOINTS: Failpoints = failpointsFrom(undefined);
