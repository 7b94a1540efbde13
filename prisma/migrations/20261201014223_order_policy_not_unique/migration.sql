-- A student's policy paid online in two halves (cl. 4 note; issue 9) has two orders: an order still names one policy,
-- a policy may be named by two orders. Dropping a unique index loses no data.
-- DropIndex
DROP INDEX "PurchaseOrder_policyId_key";

-- CreateIndex
CREATE INDEX "PurchaseOrder_policyId_idx" ON "PurchaseOrder"("policyId");
