"use server";

import { authorizedAction } from "@/lib/auth/action";
import { todayInBishkek } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { findPaymentStatement } from "@/lib/payments/statement";
import { ZStatusQuery } from "@/lib/policies/status.schema";

const ZStatementQuery = ZStatusQuery.pick({ pin: true });

export const findStatementAction = authorizedAction("people.statement", ZStatementQuery, async ({ user, input }) => {
  const statement = await findPaymentStatement(user, input.pin, todayInBishkek());
  if (!statement) throw new AppError("payments.statement.notFound", { field: "pin" });
  return statement;
});
