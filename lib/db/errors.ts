type PrismaLikeError = {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
};

/**
 * A unique constraint refused the write: Prisma's P2002 from a model query, or — from a raw statement — P2010 ("raw
 * query failed") carrying PostgreSQL's 23505 from the driver adapter (the same on pg and on PGlite), or 23505 itself
 * from pg (a statement of `sqlTransaction` on PostgreSQL, lib/db).
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as PrismaLikeError;
  return (
    err.code === "P2002" ||
    err.code === "23505" ||
    (err.code === "P2010" && err.meta?.driverAdapterError?.cause?.originalCode === "23505")
  );
}
