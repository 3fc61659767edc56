/** The credit-change form as data: the draft, its checks and the sentences it shows (pure). */

import type {
  CreditChangeDirection,
  CreditChangeKind,
  CreditChangeRequest,
  CreditChangeResponse,
} from "@/components/api-types";
import { formatCredits, formatNumber } from "@/components/format";

/** Same bounds as the API (`creditChangeInputSchema`). */
export const MAX_AMOUNT = 1_000_000;
export const REASON_MIN = 3;
export const REASON_MAX = 500;

export type CreditChangeTarget = {
  id: string;
  email: string;
  /** Available credits as last seen, for the "12 → 62" preview (the server has the final say). */
  available: number | undefined;
};

export type CreditChangeDraft = {
  kind: CreditChangeKind;
  direction: CreditChangeDirection;
  amount: string;
  reason: string;
};

export const EMPTY_DRAFT: CreditChangeDraft = {
  kind: "grant",
  direction: "credit",
  amount: "",
  reason: "",
};

/** A positive whole number within the API's limit, or null. */
export function parseAmount(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number.parseInt(text, 10);
  return n >= 1 && n <= MAX_AMOUNT ? n : null;
}

export function amountError(raw: string): string | null {
  if (raw.trim() === "") return null;
  if (!/^\d+$/.test(raw.trim())) return "Enter a whole number of credits.";
  const n = Number.parseInt(raw.trim(), 10);
  if (n < 1) return "Enter at least 1 credit.";
  if (n > MAX_AMOUNT) return `At most ${formatNumber(MAX_AMOUNT)} credits at a time.`;
  return null;
}

export function isReasonValid(reason: string): boolean {
  const text = reason.trim();
  return text.length >= REASON_MIN && text.length <= REASON_MAX;
}

export function isDebitDraft(draft: Pick<CreditChangeDraft, "kind" | "direction">): boolean {
  return draft.kind === "adjust" && draft.direction === "debit";
}

/** The submit button's verb: "Grant", "Add" or "Remove". */
export function changeVerb(draft: Pick<CreditChangeDraft, "kind" | "direction">): string {
  if (draft.kind === "grant") return "Grant";
  return isDebitDraft(draft) ? "Remove" : "Add";
}

/** The request body for a valid draft (a grant always credits). */
export function toCreditChangeRequest(
  draft: CreditChangeDraft,
  amount: number,
): CreditChangeRequest {
  return {
    kind: draft.kind,
    amount,
    direction: draft.kind === "grant" ? "credit" : draft.direction,
    reason: draft.reason.trim(),
  };
}

/**
 * "Add 50 credits to ada@example.com — available 12 → 62"; a removal larger than what's available
 * says so instead of showing an impossible negative balance.
 */
export function creditChangeSummary(
  change: { kind: CreditChangeKind; direction: CreditChangeDirection },
  amount: number,
  email: string,
  available: number | undefined,
): string {
  const debit = isDebitDraft(change);
  const head = `${changeVerb(change)} ${formatCredits(amount)} ${debit ? "from" : "to"} ${email}`;
  if (available === undefined) return head;
  if (debit && amount > available) return `${head} — only ${formatNumber(available)} available`;
  const after = debit ? available - amount : available + amount;
  return `${head} — available ${formatNumber(available)} → ${formatNumber(after)}`;
}

/** "Granted 15 credits to ada@example.com — available now 27." (or that it was a replay). */
export function creditChangeSuccessMessage(
  change: { kind: CreditChangeKind; direction: CreditChangeDirection },
  amount: number,
  email: string,
  result: CreditChangeResponse,
): string {
  const now = `available now ${formatNumber(result.balance.available)}`;
  if (!result.applied) return `This change was already applied — nothing more changed (${now}).`;
  const debit = isDebitDraft(change);
  const done = change.kind === "grant" ? "Granted" : debit ? "Removed" : "Added";
  return `${done} ${formatCredits(amount)} ${debit ? "from" : "to"} ${email} — ${now}.`;
}
