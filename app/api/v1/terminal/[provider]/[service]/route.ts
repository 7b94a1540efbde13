import { terminalServiceApi } from "@/lib/web/terminal-http";

export const dynamic = "force-dynamic";

// GET or POST /api/v1/terminal/<provider>/<service> — lib/web/terminal-http.ts (the production server answers it
// before Next).
export const GET = terminalServiceApi;
export const POST = terminalServiceApi;
