import { describe, expect, it } from "vitest";
import {
  cancelledOutcomeText,
  failedOutcomeText,
  finishedBeforeCancelText,
  finishNoticeFor,
  queueText,
} from "@/components/analyses/analysis-copy";
import type { AnalysisView } from "@/components/api-types";

function failedAnalysis(error: AnalysisView["error"]): AnalysisView {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    documentId: "00000000-0000-4000-8000-000000000002",
    documentName: "msa.pdf",
    batchId: null,
    status: "failed",
    priceCredits: 3,
    progress: {
      stepIndex: 2,
      stepCount: 7,
      stepName: "Reading",
      percent: 20,
      chunksDone: 0,
      chunksTotal: 0,
      pagesDone: 0,
      pagesTotal: 0,
    },
    error,
    queue: null,
    cancelRequested: false,
    cancelledBy: null,
    cancelReason: null,
    hasMemo: false,
    documentStored: true,
    createdAt: "2026-01-01T00:00:00.000Z",
    confirmedAt: "2026-01-01T00:00:01.000Z",
    startedAt: "2026-01-01T00:00:02.000Z",
    finishedAt: "2026-01-01T00:00:03.000Z",
    updatedAt: "2026-01-01T00:00:03.000Z",
  };
}

const timesCharged = (text: string) => (text.match(/nothing was charged/gi) ?? []).length;

// Messages as the worker writes them (lib/jobs/run-attempt.ts, lib/jobs/run-maintenance.ts).
const SERVER_MESSAGES = [
  "The analysis took too long and was stopped. Nothing was charged; please try again.",
  "The analysis failed because of a problem on our side. Nothing was charged; please try again.",
  "The analysis stopped responding and was ended. Nothing was charged; please try again.",
  "This PDF has no text layer. Nothing was charged.",
  "Our workers stopped while reading this contract (3 attempts). Your document may be fine; nothing was charged, and an admin can retry it for free.",
];

describe("a failed analysis tells the user once that nothing was charged", () => {
  it.each(SERVER_MESSAGES)("outcome panel with the server's message: %s", (message) => {
    const { message: shown, creditsNote } = failedOutcomeText(
      failedAnalysis({ code: "x", message }),
    );
    expect(shown).toBe(message);
    expect(timesCharged(`${shown} ${creditsNote}`)).toBe(1);
    expect(creditsNote).toMatch(/credits were released/);
  });

  it.each(SERVER_MESSAGES)(
    "finish notice names the document, not the message again: %s",
    (message) => {
      const notice = finishNoticeFor(failedAnalysis({ code: "x", message }));
      expect(notice?.severity).toBe("error");
      // The outcome panel shows the server's message; the notice must not repeat it.
      expect(notice?.message).toBe("Analysis failed: msa.pdf — credits released");
    },
  );

  it("says it itself when the server sent no message", () => {
    const { message, creditsNote } = failedOutcomeText(failedAnalysis(null));
    expect(timesCharged(`${message} ${creditsNote}`)).toBe(1);
  });
});

describe("how an analysis ended is said with its document and who did it", () => {
  it("a memo that finished before the cancel reached it says so, and what was charged", () => {
    const done = { ...failedAnalysis(null), status: "succeeded" as const, error: null };
    expect(finishNoticeFor(done)?.message).toBe("Memo ready: msa.pdf");
    const raced = finishNoticeFor({ ...done, cancelRequested: true, priceCredits: 7 });
    expect(raced?.message).toBe(
      "Memo ready: msa.pdf. It finished before your cancel reached it: the memo is ready and 7 credits were charged.",
    );
    expect(finishedBeforeCancelText({ priceCredits: 1 })).toMatch(/1 credit was charged/);
  });

  it("an admin's cancel shows its reason; the user's own says so", () => {
    const cancelled = {
      priceCredits: 7,
      cancelledBy: "admin" as const,
      cancelReason: "Duplicate upload.",
    };
    expect(cancelledOutcomeText(cancelled)).toBe(
      "Cancelled by our team: Duplicate upload. Your 7 credits were released.",
    );
    expect(cancelledOutcomeText({ ...cancelled, cancelledBy: "you", cancelReason: null })).toBe(
      "Cancelled by you. Nothing was charged — your 7 credits were released.",
    );
  });
});

describe("a queued analysis says where it stands", () => {
  const queue = (q: Partial<NonNullable<AnalysisView["queue"]>>): AnalysisView["queue"] => ({
    yoursAhead: 0,
    admitted: true,
    aheadInLine: 0,
    startsInSeconds: 20,
    basis: "measured",
    ...q,
  });

  it("with its user's analyses ahead and an estimate in minutes", () => {
    expect(queueText(queue({ yoursAhead: 2, admitted: false, startsInSeconds: 75 }))).toBe(
      "Waiting for a free worker · 2 of yours ahead · starts in about 1 min",
    );
  });

  it("under a minute, with nothing of its own ahead", () => {
    expect(queueText(queue({}))).toBe("Waiting for a free worker · starts in under a minute");
  });

  it("plainly, without a time, when no worker is running", () => {
    expect(queueText(queue({ basis: "no_worker", startsInSeconds: null }))).toBe(
      "No worker is running right now; it will start when one is",
    );
  });

  it("without a time before anything was measured", () => {
    expect(queueText(queue({ basis: "no_measurement", startsInSeconds: null }))).toBe(
      "Waiting for a free worker · no time estimate yet",
    );
  });

  it("nothing for an analysis that is not queued", () => {
    expect(queueText(null)).toBeNull();
  });
});
