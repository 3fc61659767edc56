/** "$10.00": an amount in a currency's smallest unit (cents, as Stripe counts), for people.
 *  No server imports: the pages use it too. */
export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat("en", {
    style: "currency",
    currency: currency.toUpperCase(),
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}
