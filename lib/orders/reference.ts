/** A short reference to quote on the phone; the order's secret is never shown as such. One length everywhere. */
export function orderReference(orderId: string): string {
  return orderId.replace(/-/g, "").slice(0, 10).toUpperCase();
}
