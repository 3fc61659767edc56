/**
 * How many of a purchase's credits a refund takes back in all, from the charge's cumulative
 * `amount_refunded` out of its `amount`: proportional, rounded down (a partial refund never
 * takes a credit the money did not pay for), the whole pack for a full refund. Cumulative, not
 * per event, so a replayed or out-of-order `charge.refunded` gives the same total.
 */
export function refundedCreditsTotal(input: {
  credits: number;
  amount: number;
  amountRefunded: number;
}): number {
  const { credits, amount, amountRefunded } = input;
  if (amount <= 0 || amountRefunded <= 0) return 0;
  if (amountRefunded >= amount) return credits;
  return Math.min(credits, Math.floor((credits * amountRefunded) / amount));
}

/**
 * What one refund event changes, given what earlier ones already did. `owed` is the new part of
 * the cumulative total (nothing when an older or replayed event arrives late); `take` is what the
 * available balance covers of it — never below zero — and `shortfall` the rest, for an admin.
 */
export function planRefund(input: {
  total: number;
  alreadyRefunded: number;
  alreadyShort: number;
  available: number;
}): { take: number; shortfall: number } {
  const owed = Math.max(0, input.total - input.alreadyRefunded - input.alreadyShort);
  const take = Math.min(owed, Math.max(0, input.available));
  return { take, shortfall: owed - take };
}
