import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { type AnalysisMailPreference, analyses, documents, users } from "@/lib/db/schema";
import { appOrigin } from "@/lib/http/app-url";
import { type MailDraft, queueMail } from "@/lib/mail/queue-mail";

/** With the default preference, only analyses that took longer than this are mailed. */
export const LONG_ANALYSIS_MS = 60_000;

export type AnalysisEnding =
  | { outcome: "succeeded"; chargedCredits: number }
  | { outcome: "failed"; reason: string; releasedCredits: number }
  | { outcome: "cancelled_by_admin"; reason: string; releasedCredits: number };

export type AnalysisEndedFacts = {
  analysisId: string;
  userId: string;
  to: string;
  documentName: string;
  preference: AnalysisMailPreference;
  /** confirmed_at → finished_at; null when either is missing (then it counts as long). */
  durationMs: number | null;
  /** The owner, the analysis or its document was deleted: nobody to tell, nothing to link to. */
  deleted: boolean;
};

/** Whether the owner wants this mail (users.analysis_mail). Pure, for the unit tests. */
export function wantsAnalysisMail(
  preference: AnalysisMailPreference,
  durationMs: number | null,
): boolean {
  if (preference === "never") return false;
  if (preference === "always") return true;
  return durationMs === null || durationMs > LONG_ANALYSIS_MS;
}

const credits = (n: number) => `${n} credit${n === 1 ? "" : "s"}`;

/** The mail itself: names the document, says how it ended and what it cost, links to it. */
export function draftAnalysisEndedMail(
  facts: Pick<AnalysisEndedFacts, "analysisId" | "userId" | "to" | "documentName">,
  ending: AnalysisEnding,
  origin: string,
): MailDraft {
  const link = `${origin}/analyses/${facts.analysisId}`;
  const settings = `You get this mail because of your notification preference; change it on ${origin}/account.`;
  const name = facts.documentName;
  let subject: string;
  let lines: string[];
  switch (ending.outcome) {
    case "succeeded":
      subject = `Memo ready: ${name}`;
      lines = [
        `The analysis of ${name} is done and its memo is ready.`,
        `${credits(ending.chargedCredits)} ${ending.chargedCredits === 1 ? "was" : "were"} charged.`,
        "",
        `Read the memo: ${link}`,
      ];
      break;
    case "failed":
      subject = `Analysis failed: ${name}`;
      lines = [
        `The analysis of ${name} failed.`,
        ending.reason,
        `Your ${credits(ending.releasedCredits)} held for it ${ending.releasedCredits === 1 ? "was" : "were"} released: nothing was charged.`,
        "",
        `See the analysis: ${link}`,
      ];
      break;
    case "cancelled_by_admin":
      subject = `Analysis cancelled: ${name}`;
      lines = [
        `Our team cancelled the analysis of ${name}: ${ending.reason}`,
        `Your ${credits(ending.releasedCredits)} held for it ${ending.releasedCredits === 1 ? "was" : "were"} released: nothing was charged.`,
        "",
        `See the analysis: ${link}`,
      ];
      break;
  }
  return {
    kind: ending.outcome === "succeeded" ? "analysis_finished" : "analysis_failed",
    to: facts.to,
    userId: facts.userId,
    subject,
    text: [...lines, "", settings].join("\n"),
    // One mail per analysis, whatever retries or concurrent enders do.
    dedupeKey: `analysis-ended:${facts.analysisId}`,
  };
}

/**
 * Queues the "analysis ended" mail to the owner, in the transaction that ended the analysis
 * (so it goes exactly when that commits): one select for the owner, the document and the
 * duration, then the outbox insert when the owner's preference asks for it. Returns whether a
 * mail was queued (the caller then calls `deliverMailsSoon()` after commit).
 */
export async function queueAnalysisEndedMail(
  tx: Tx,
  analysisId: string,
  ending: AnalysisEnding,
): Promise<boolean> {
  const [facts] = await tx
    .select({
      userId: users.id,
      to: users.email,
      preference: users.analysisMail,
      documentName: documents.filename,
      durationMs: sql<
        number | null
      >`(extract(epoch from ${analyses.finishedAt} - ${analyses.confirmedAt}) * 1000)::float8`,
      deleted: sql<boolean>`(${users.deletedAt} is not null or ${analyses.deletedAt} is not null
        or ${documents.deletedAt} is not null)`,
    })
    .from(analyses)
    .innerJoin(users, eq(users.id, analyses.userId))
    .innerJoin(documents, eq(documents.id, analyses.documentId))
    .where(eq(analyses.id, analysisId));
  if (!facts || facts.deleted) return false;
  const durationMs = facts.durationMs === null ? null : Number(facts.durationMs);
  if (!wantsAnalysisMail(facts.preference, durationMs)) return false;
  const id = await queueMail(
    tx,
    draftAnalysisEndedMail({ ...facts, analysisId }, ending, appOrigin()),
  );
  return id !== null;
}
