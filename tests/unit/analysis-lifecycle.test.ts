import { describe, expect, it } from "vitest";
import {
  ALLOWED_TRANSITIONS,
  cancelEffect,
  canTransition,
  statusesThatCanBecome,
} from "@/lib/analyses/analysis-lifecycle";
import { isActive, isTerminal, STATUS_LABELS } from "@/lib/analyses/analysis-status";
import { analysisStatus } from "@/lib/db/schema";

const statuses = analysisStatus.enumValues;

describe("analysis lifecycle", () => {
  it("covers every status of the database enum", () => {
    expect(Object.keys(ALLOWED_TRANSITIONS).sort()).toEqual([...statuses].sort());
  });

  it("sorts every status into exactly one group (awaiting confirmation, active, terminal) with a label", () => {
    for (const s of statuses) {
      const groups = [s === "quoted", isActive(s), isTerminal(s)].filter(Boolean);
      expect(groups, s).toHaveLength(1);
      expect(STATUS_LABELS[s], s).toBeTruthy();
    }
  });

  it("never leaves a terminal state", () => {
    for (const from of statuses.filter(isTerminal)) {
      for (const to of statuses) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
    }
  });

  it("only moves forward along the design's graph", () => {
    expect(canTransition("quoted", "queued")).toBe(true);
    expect(canTransition("queued", "running")).toBe(true);
    expect(canTransition("running", "succeeded")).toBe(true);
    expect(canTransition("running", "queued")).toBe(false);
    expect(canTransition("queued", "quoted")).toBe(false);
    expect(canTransition("quoted", "succeeded")).toBe(false);
    expect(canTransition("queued", "succeeded")).toBe(false);
  });

  it("lets a new attempt take over a running analysis but nothing else", () => {
    expect(statusesThatCanBecome("running").sort()).toEqual(["queued", "running"]);
    expect(statusesThatCanBecome("succeeded")).toEqual(["running"]);
    expect(statusesThatCanBecome("failed").sort()).toEqual(["queued", "running"]);
  });

  it("cancels by status: at once, with release, by request, or not at all", () => {
    expect(cancelEffect("quoted")).toBe("end_now");
    expect(cancelEffect("queued")).toBe("end_now_and_release");
    expect(cancelEffect("running")).toBe("request_stop");
    for (const s of statuses.filter(isTerminal)) expect(cancelEffect(s)).toBe("none");
  });
});
