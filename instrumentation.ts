// Next.js calls register() once when a server starts.
// - Issue 17: in the Node runtime it publishes the fast lane (lib/web/fast-lane.ts) that the production server
//   (server.js) answers the status API and the terminals with, before Next's router.
// - Issue 16: the housekeeping jobs' scheduler runs in the Node runtime of `npm run start` / `next dev`, unless
//   JOBS_ENABLED=0 — the e2e server, benchmarks and test runs set it; a deployment with several instances may leave it
//   on everywhere (the jobs are safe to run concurrently).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { publishFastLane } = await import("./lib/web/fast-lane");
  publishFastLane();
  if (process.env.JOBS_ENABLED === "0" || process.env.NODE_ENV === "test") return;
  const { startJobScheduler } = await import("./lib/jobs/scheduler");
  startJobScheduler();
}
