import type { z } from "zod";
import { parsePin } from "@/lib/rules";

/** zod refinement shared by every form and API that takes a PIN: the rules' reason becomes its message key. */
export function refinePin(pin: string, ctx: z.RefinementCtx): void {
  const parsed = parsePin(pin);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: `rules.pinError.${parsed.reason}` });
}
