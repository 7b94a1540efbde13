-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('SMS', 'EMAIL');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'RENEWAL_30_DAYS';
ALTER TYPE "NotificationKind" ADD VALUE 'RENEWAL_7_DAYS';

-- DropIndex
DROP INDEX "Notification_policyId_kind_key";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "channel" "NotificationChannel" NOT NULL DEFAULT 'SMS',
ADD COLUMN     "email" TEXT,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3),
ALTER COLUMN "phone" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "email" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Notification_policyId_kind_channel_key" ON "Notification"("policyId", "kind", "channel");
