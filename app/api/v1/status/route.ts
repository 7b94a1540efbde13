import { statusApi } from "@/lib/web/status-api";

export const dynamic = "force-dynamic";

// GET /api/v1/status — lib/web/status-api.ts (the production server answers it before Next: lib/web/fast-lane.ts).
export const GET = statusApi;
