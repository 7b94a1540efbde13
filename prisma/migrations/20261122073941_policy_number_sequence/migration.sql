-- DropTable
DROP TABLE "NumberSequence";

-- Electronic policy numbers (cl. 18): a sequence hands them out without a lock (a rolled-back payment leaves a gap).
CREATE SEQUENCE "policy_number_seq" START WITH 1;
