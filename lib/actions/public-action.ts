import "server-only";
import type { z } from "zod";
import { formValues, zodFieldErrors, type ActionResult } from "./result";
import { runHandler } from "./run-handler";

/** A form action anyone may call (citizens have no account): validation and error handling, no permission. */
export function publicAction<S extends z.ZodType, T>(name: string, schema: S, handler: (input: z.output<S>) => Promise<T>) {
  return async (_prev: ActionResult<T>, formData: FormData): Promise<ActionResult<T>> => {
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error), values };
    return runHandler(name, values, () => handler(parsed.data));
  };
}
