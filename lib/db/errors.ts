/**
 * A unique constraint refused the write: Prisma's P2002 from a model query, or PostgreSQL's 23505 from a raw statement
 * (Prisma's P2010 "raw query failed" carries the database's code, as does a driver error of its own).
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: unknown; meta?: { code?: unknown }; cause?: unknown; message?: unknown };
  if (err.code === "P2002" || err.code === "23505") return true;
  if (err.code === "P2010" && (err.meta?.code === "23505" || /\b23505\b/.test(String(err.message)))) return true;
  return err.cause !== undefined && err.cause !== e && isUniqueViolation(err.cause);
}
