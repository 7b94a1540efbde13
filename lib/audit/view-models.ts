/**
 * An audit row's before/after as rows of a table (issue 15): for two objects, the fields whose value changed; for one
 * side only, every field it has; anything else (a list, a bare value) as one row without a field name.
 */
export type AuditChangeRow = { field: string | null; before: unknown; after: unknown };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function auditChanges(before: unknown, after: unknown): AuditChangeRow[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if (b === undefined && a === undefined) return [];
  if ((b === undefined || isPlainObject(b)) && (a === undefined || isPlainObject(a))) {
    const bo = (b ?? {}) as Record<string, unknown>;
    const ao = (a ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(ao), ...Object.keys(bo)])];
    const both = b !== undefined && a !== undefined;
    return fields
      .filter((f) => !both || JSON.stringify(bo[f]) !== JSON.stringify(ao[f]))
      .map((f) => ({ field: f, before: bo[f], after: ao[f] }));
  }
  return [{ field: null, before: b, after: a }];
}
