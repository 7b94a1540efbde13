-- Shared counters of the rate limits (issue 11, hole 5): rate-limiter-flexible's PostgreSQL store, so every app
-- instance counts in one place. Its own schema keeps it out of Prisma's model (no drift); keys are HMACs, never a PIN.
CREATE SCHEMA IF NOT EXISTS "rate_limit";

CREATE TABLE IF NOT EXISTS "rate_limit"."counters" (
  "key" varchar(255) PRIMARY KEY,
  "points" integer NOT NULL DEFAULT 0,
  "expire" bigint
);
