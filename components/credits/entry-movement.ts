import type { CreditEntry } from "@/components/api-types";
import { formatNumber } from "@/components/format";

/** An adjustment that took credits away. Amounts are stored positive; `debit` gives the sign. */
export function isDebit(entry: CreditEntry): boolean {
  return entry.kind === "adjust" && (entry.debit || entry.amount < 0);
}

/** Grants and adjustments are made by people (an admin); holds, charges and releases are not. */
export function isManual(entry: CreditEntry): boolean {
  return entry.kind === "grant" || entry.kind === "adjust";
}

export type Movement = {
  /** What the amount column says: "+50", "−5", "held 12", "charged 12", "released 12". */
  amount: string;
  /** Where the credits went, in balance terms: "available → held". */
  effect: string;
  color: string;
};

/** How one ledger entry moved credits between the balance buckets (the admin view). */
export function describeMovement(entry: CreditEntry): Movement {
  const n = formatNumber(Math.abs(entry.amount));
  switch (entry.kind) {
    case "grant":
      return { amount: `+${n}`, effect: "added to available", color: "success.main" };
    case "adjust":
      return isDebit(entry)
        ? { amount: `−${n}`, effect: "removed from available", color: "error.main" }
        : { amount: `+${n}`, effect: "added to available", color: "success.main" };
    case "hold":
      return { amount: `held ${n}`, effect: "available → held", color: "warning.main" };
    case "capture":
      return { amount: `charged ${n}`, effect: "held → spent", color: "text.primary" };
    case "release":
      return { amount: `released ${n}`, effect: "held → available", color: "info.main" };
    case "purchase":
      return { amount: `+${n}`, effect: "bought, added to available", color: "success.main" };
    case "refund":
      return { amount: `−${n}`, effect: "refunded, removed from available", color: "error.main" };
  }
}

/** First block of a UUID, for showing an id as text: "3f2a9c1e". */
export function shortId(id: string): string {
  return id.split("-")[0] ?? id;
}
