/**
 * The channels the Fund's dashboard sells through (issue 15; SPEC §1, §5): the portal and the other online payment
 * services, each terminal network, the bank cash desk, the ТУ's desk, contracts with legal entities and the family
 * doctors' pregnancy registration. The database computes a policy's sale channel (`oms_dashboard_sale_channel`, migration
 * 20261201070057_fund_dashboard) from its issue channel and, for online and terminal sales, its first payment's channel;
 * "TERMINAL" is a terminal sale whose payment is not recorded (none are in practice). Labels: dashboard.saleChannel.<KEY>.
 */
const SALE_CHANNELS = [
  "PORTAL",
  "TUNDUK",
  "BANK_APP",
  "ACCUMULATION_ACCOUNT",
  "QUICKPAY",
  "MEGACOM",
  "PAY24",
  "TERMINAL",
  "BANK_CASH_DESK",
  "OFFICE",
  "CONTRACT",
  "PREGNANCY",
] as const;

export type SaleChannel = (typeof SALE_CHANNELS)[number];

export function isSaleChannel(s: string): s is SaleChannel {
  return (SALE_CHANNELS as readonly string[]).includes(s);
}
