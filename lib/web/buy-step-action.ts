import "server-only";
import type { z } from "zod";
import type { Step } from "@/lib/orders/journey-steps";
import { serverAction } from "./action";
import { clearDraft, readDraft, writeDraft } from "./buy-draft-cookie";
import { portalBaseUrl } from "./portal-url";

/**
 * A page of the purchase journey as a server action: the one action wrapper (validation, error handling) around a
 * journey step, with the draft read from and saved to its encrypted cookie and a redirect to the step's answer.
 */
export function buyStepAction<S extends z.ZodType>(name: string, schema: S, step: Step<S>) {
  return serverAction({ name, schema, redirect: true }, async ({ input }) => {
    const out = await step(input, await readDraft(), { baseUrl: await portalBaseUrl() });
    if (out.draft === null) await clearDraft();
    else if (out.draft) await writeDraft(out.draft);
    return out.to;
  });
}
