import { terminalApi } from "@/lib/web/terminal-http";

export const dynamic = "force-dynamic";

// GET or POST /api/v1/terminal/<provider> — lib/web/terminal-http.ts (the production server answers it before Next).
export const GET = terminalApi;
export const POST = terminalApi;
