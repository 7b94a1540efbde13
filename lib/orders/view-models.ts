/** A paid order the rules refused, as the refund officer's list shows it. */
export type RejectedOrderView = {
  id: string;
  reference: string;
  /** ISO instant */
  rejectedAt: string;
  holder: string;
  /** the PIN or the document number the order was for */
  account: string;
  phone: string;
  reason: string | null;
  providerTxnId: string | null;
  priceSom: number;
};
