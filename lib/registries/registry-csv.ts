import "server-only";
import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import type { PaymentRow, PersonRow, PolicyRow, RegistryRows } from "./queries";
import type { RegistryKind } from "./registry.schema";
import { maskedRow } from "./view-models";
import { inertCell } from "@/lib/files/csv-cell";

type T = ReturnType<typeof translatorFor>;

const COLUMNS: Record<RegistryKind, string[]> = {
  persons: ["pin", "name", "birthDate", "category", "document", "created"],
  policies: ["number", "pin", "holder", "status", "category", "channel", "validFrom", "validTo", "office", "price"],
  payments: ["receipt", "paidAt", "channel", "amount", "status", "policy", "pin", "txn"],
};

function cells(kind: RegistryKind, row: RegistryRows[RegistryKind][number], t: T): (string | number)[] {
  if (kind === "persons") {
    const r = maskedRow(row as PersonRow);
    return [
      r.maskedPin ?? "",
      r.name,
      r.birthDate ?? "",
      t(`rules.category.${r.category as "CITIZEN"}.name`),
      r.documentNumber ?? "",
      r.createdOn,
    ];
  }
  if (kind === "policies") {
    const r = maskedRow(row as PolicyRow);
    return [
      r.number,
      r.maskedPin ?? "",
      r.holder,
      t(`staff.policyStatus.${r.status as "ISSUED"}`),
      t(`rules.category.${r.category as "CITIZEN"}.name`),
      t(`staff.channel.${r.channel as "ONLINE"}`),
      r.validFrom ?? "",
      r.validTo ?? "",
      r.office ?? "",
      r.priceSom,
    ];
  }
  const r = maskedRow(row as PaymentRow);
  return [
    r.providerNumber,
    r.paidAt,
    t(`staff.paymentChannel.${r.channel as "PORTAL"}`),
    r.amountSom,
    t(`registries.paymentStatus.${r.status as "CONFIRMED"}`),
    r.policyNumber ?? "",
    r.maskedPin ?? "",
    r.externalTxnId,
  ];
}

/**
 * A registry list as CSV (UTF-8 with a byte-order mark), streamed as the batches come: PINs masked as on the screen —
 * a file leaves the Fund's screens more easily than a page does.
 */
export function registryCsv<K extends RegistryKind>(
  kind: K,
  rows: AsyncIterable<RegistryRows[K][number]>,
  locale: Locale,
): Readable {
  const t = translatorFor(locale);
  const csv = stringify({
    bom: true,
    header: true,
    columns: COLUMNS[kind].map((key) => t(`registries.columns.${key as "pin"}`)),
    cast: { string: inertCell },
  });
  void (async () => {
    try {
      for await (const r of rows) {
        if (!csv.write(cells(kind, r, t))) await new Promise((resolve) => csv.once("drain", resolve));
      }
      csv.end();
    } catch (e) {
      csv.destroy(e as Error);
    }
  })();
  return csv;
}
