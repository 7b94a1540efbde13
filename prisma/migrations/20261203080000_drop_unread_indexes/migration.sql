-- Issue 17: every payment writes a Payment row and its audit rows; an index nobody reads is only a write per row.
-- "Payment"("paidAt") is the prefix of "Payment"("paidAt", "id"); "Payment"("lateDated") is read with the row, never
-- searched by; "AuditLog"("entity", "entityId") is served by "AuditLog"("entityId", "id") (a record's history).
DROP INDEX "Payment_paidAt_idx";
DROP INDEX "Payment_lateDated_idx";
DROP INDEX "AuditLog_entity_entityId_idx";

