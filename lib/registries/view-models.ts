import type {
  Category,
  IssueChannel,
  PaymentChannel,
  PaymentStatus,
  PolicyStatus,
} from "@/lib/generated/prisma/client";
import { maskPin } from "./mask";
import type { PaymentRow, PersonRow, PolicyRow, RegistryRows } from "./queries";
import type { RegistryKind } from "./registry.schema";

// What a registry list may show: the full PIN is dropped here, before anything reaches a component or a CSV.

type Masked<R extends { pin: string | null }> = Omit<R, "pin"> & { maskedPin: string | null };

type PersonListRow = Omit<Masked<PersonRow>, "category"> & { category: Category };
type PolicyListRow = Omit<Masked<PolicyRow>, "status" | "category" | "channel"> & {
  status: PolicyStatus;
  category: Category;
  channel: IssueChannel;
};
type PaymentListRow = Omit<Masked<PaymentRow>, "status" | "channel"> & {
  status: PaymentStatus;
  channel: PaymentChannel;
};

export type RegistryListView =
  | { kind: "persons"; rows: PersonListRow[] }
  | { kind: "policies"; rows: PolicyListRow[] }
  | { kind: "payments"; rows: PaymentListRow[] };

export function maskedRow<R extends { pin: string | null }>(row: R): Masked<R> {
  const { pin, ...rest } = row;
  return { ...rest, maskedPin: maskPin(pin) };
}

export function registryListView<K extends RegistryKind>(kind: K, rows: RegistryRows[K]): RegistryListView {
  return { kind, rows: rows.map((r) => maskedRow(r as { pin: string | null })) } as RegistryListView;
}
