"use server";

import { serverAction } from "@/lib/web/action";
import { todayInBishkek } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { findPaymentStatement } from "@/lib/payments/statement/queries";
import { ZStatusQuery } from "@/lib/policies/status.schema";

const ZStatementQuery = ZStatusQuery.pick({ pin: true });

export const findStatementAction = serverAction(
  { permission: "people.statement", schema: ZStatementQuery },
  async ({ user, input }) => {
    const statement = await findPaymentStatement(user, input.pin, todayInBishkek());
    if (!statement) throw new AppError("payments.statement.notFound", { field: "pin" });
    return statement;
  },
);
