import { logUnexpectedError } from "@/lib/errors";

// Background jobs of the server process (a contract list's validation and import). A job outlives the request that
// started it: the action returns at once and the page polls the progress the job writes to the database. A job is
// keyed by its import: a second start while one runs in this process is a no-op. A job whose process died (the
// server restarted) stops writing its heartbeat, and the page offers to resume it (lib/contracts/mutations).

const KEY = Symbol.for("oms.contracts.jobs");
type Registry = Map<string, Promise<void>>;
const registry = ((globalThis as Record<symbol, Registry | undefined>)[KEY] ??= new Map());

export function isJobRunning(id: string): boolean {
  return registry.has(id);
}

/** Starts `job` unless one runs for `id`; failures are logged with an id and handed to `onError`. */
export function startJob(id: string, job: () => Promise<void>, onError: (errorId: string) => Promise<void>): void {
  if (registry.has(id)) return;
  const run = (async () => {
    try {
      await job();
    } catch (e) {
      const errorId = logUnexpectedError(e, `contract import job ${id}`);
      await onError(errorId).catch((e2) => logUnexpectedError(e2, `contract import job ${id} (recording the failure)`));
    } finally {
      registry.delete(id);
    }
  })();
  registry.set(id, run);
}

/** Waits for the job of `id`, if any (tests and the benchmark wait for the import instead of polling). */
export async function waitForJob(id: string): Promise<void> {
  await registry.get(id);
}
