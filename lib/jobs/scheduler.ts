import { logUnexpectedError } from "@/lib/errors";
import { runJob, type JobName } from "./jobs";

// The in-process scheduler of the housekeeping jobs (issue 16), started by instrumentation.ts in each app instance.
// It only decides WHEN to run a job; that two instances (or the CLI) run the same job at the same moment is safe by
// construction of the jobs (see ./jobs.ts). One run of a job at a time per process; a failing run is logged and
// retried at the next tick. Timers are unref'd: they never keep a process alive.

const EVERY: Record<JobName, number> = {
  "expire-orders": 60_000,
  "reconcile-payments": 120_000,
  "drain-outbox": 30_000,
  "renewal-reminders": 60 * 60_000,
  "clear-rate-limits": 10 * 60_000,
  "fold-dashboard-rollups": 5 * 60_000,
};

const holder = globalThis as unknown as { __omsJobTimers?: NodeJS.Timeout[] };

export function startJobScheduler(): void {
  if (holder.__omsJobTimers) return;
  holder.__omsJobTimers = (Object.keys(EVERY) as JobName[]).map((name) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await runJob(name);
      } catch (e) {
        // through the structured log: a job's error may quote a row (a PIN, a phone), which it masks
        logUnexpectedError(e, `job ${name}`);
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void tick(), EVERY[name]);
    timer.unref();
    return timer;
  });
}
