import { describe, expect, it } from "vitest";
import {
  draftAnalysisEndedMail,
  LONG_ANALYSIS_MS,
  wantsAnalysisMail,
} from "@/lib/analyses/analysis-ended-mail";
import { cancelAnswer } from "@/lib/analyses/cancel-analysis";

const facts = {
  analysisId: "00000000-0000-4000-8000-000000000001",
  userId: "00000000-0000-4000-8000-000000000002",
  to: "ann@example.com",
  documentName: "NDA.pdf",
};
const origin = "https://app.example.com";

describe("who gets the analysis-ended mail", () => {
  it("'long' (the default) only for analyses over a minute; 'always' and 'never' as they say", () => {
    expect(wantsAnalysisMail("long", LONG_ANALYSIS_MS - 1)).toBe(false);
    expect(wantsAnalysisMail("long", LONG_ANALYSIS_MS + 1)).toBe(true);
    expect(wantsAnalysisMail("always", 5)).toBe(true);
    expect(wantsAnalysisMail("never", LONG_ANALYSIS_MS * 10)).toBe(false);
  });
});

describe("the analysis-ended mail", () => {
  it("names the document, the charge and links to the analysis; one per analysis", () => {
    const mail = draftAnalysisEndedMail(facts, { outcome: "succeeded", chargedCredits: 7 }, origin);
    expect(mail.subject).toBe("Memo ready: NDA.pdf");
    expect(mail.text).toContain("7 credits were charged.");
    expect(mail.text).toContain(`${origin}/analyses/${facts.analysisId}`);
    expect(mail.dedupeKey).toBe(`analysis-ended:${facts.analysisId}`);
  });

  it("a failure gives the reason and says the credits were released", () => {
    const mail = draftAnalysisEndedMail(
      facts,
      { outcome: "failed", reason: "This PDF has no text layer.", releasedCredits: 1 },
      origin,
    );
    expect(mail.subject).toBe("Analysis failed: NDA.pdf");
    expect(mail.text).toContain("This PDF has no text layer.");
    expect(mail.text).toContain("Your 1 credit held for it was released");
  });
});

describe("a cancel's answer says what it found", () => {
  const view = {
    priceCredits: 7,
    status: "succeeded" as const,
    cancelledBy: null,
    cancelReason: null,
  };
  it("after the finish: the memo is ready and what was charged", () => {
    expect(cancelAnswer("succeeded", view)).toEqual({
      outcome: "already_finished",
      message:
        "It finished before your cancel reached it: the memo is ready and 7 credits were charged.",
    });
  });
  it("after a failure or an admin's cancel: released, and the admin's reason", () => {
    expect(cancelAnswer("failed", { ...view, status: "failed" }).message).toMatch(
      /already failed.*7 credits were released/,
    );
    expect(
      cancelAnswer("cancelled", {
        ...view,
        status: "cancelled",
        cancelledBy: "admin",
        cancelReason: "Duplicate",
      }).message,
    ).toBe("Our team had already cancelled it: Duplicate. Your 7 credits were released.");
    expect(cancelAnswer("running", { ...view, status: "running" }).outcome).toBe("stop_requested");
  });
});
