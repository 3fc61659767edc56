import { findEarlierAnalyses } from "@/lib/analyses/find-earlier-analyses";
import type { Tx } from "@/lib/db/client";
import { NOT_A_CONTRACT } from "@/lib/documents/score-contract-likeness";
import { AppError } from "@/lib/errors";

export type ConfirmFlags = {
  /** Pay for a new analysis although this user has one of the same file (done or in progress). */
  rerun?: boolean;
  /** Analyse although the quote warned that the document does not look like a contract. */
  acknowledgeWarning?: boolean;
};

const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });

/**
 * No paying twice, or for a non-contract, by accident (issue 19 part 6). Checked inside the
 * confirm transaction, before any hold: a refusal writes nothing and charges nothing.
 * - the same file (sha256) already analysed by this user → 409 `duplicate_document` with the
 *   memo's `analysisId` (free to open), unless `rerun`;
 * - the same file queued or running → 409 `duplicate_document` with that `analysisId`, unless
 *   `rerun` (three uploads of one file within seconds are charged once);
 * - a `not_a_contract` quote → 422 `not_a_contract`, unless `acknowledgeWarning`.
 */
export async function assertConfirmGuards(
  tx: Tx,
  input: {
    userId: string;
    documentId: string;
    sha256: string;
    quoteWarning: string | null;
  } & ConfirmFlags,
): Promise<void> {
  if (!input.rerun) {
    const earlier = await findEarlierAnalyses(tx, {
      userId: input.userId,
      sha256: input.sha256,
      exceptDocumentId: input.documentId,
    });
    if (earlier.inProgress) {
      throw new AppError(
        "duplicate_document",
        "This file is already being analyzed. Open that analysis instead, or choose “Analyze again” to pay for another one. Nothing was charged.",
        { analysisId: earlier.inProgress.analysisId, status: earlier.inProgress.status },
      );
    }
    if (earlier.duplicateOf) {
      throw new AppError(
        "duplicate_document",
        `You already have a memo of this file (analyzed ${dateOf(earlier.duplicateOf.finishedAt)}). Open it for free, or choose “Analyze again” to pay for a new analysis. Nothing was charged.`,
        { ...earlier.duplicateOf, status: "succeeded" },
      );
    }
  }
  if (input.quoteWarning === NOT_A_CONTRACT && !input.acknowledgeWarning) {
    throw new AppError(
      "not_a_contract",
      "This document does not look like a contract (too few words or no contract language), so the memo would likely be empty. Confirm with “Analyze anyway” if it is one. Nothing was charged.",
      { warning: NOT_A_CONTRACT },
    );
  }
}
