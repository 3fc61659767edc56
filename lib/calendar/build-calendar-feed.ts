import { addDays } from "date-fns";
import { createEvents, type EventAttributes } from "ics";
import { formatIsoDay, parseIsoDay } from "@/lib/contract-terms/iso-calendar";
import type { DeadlineGroups, DeadlineItem } from "@/lib/deadlines/group-deadlines";
import { appUrl } from "@/lib/http/app-url";

/** How far ahead the feed reaches: a year's deadlines and the next renewal after them. */
export const FEED_DAYS = 400;

const KIND_LABEL = { notice: "Notice deadline", expiration: "Contract ends" } as const;

/**
 * The ICS calendar of a user's deadlines: one all-day event per notice deadline and per
 * expiration (overdue ones included, so a calendar still shows what was missed). UIDs are
 * stable (`<analysisId>-<kind>@clauseflow`): a moved date updates the event instead of adding
 * one, and a deleted analysis's event disappears at the next refresh.
 */
export function buildCalendarFeed(groups: DeadlineGroups): string {
  const items = [...groups.overdue, ...groups.next30, ...groups.next90];
  const { error, value } = createEvents(items.map(toEvent), {
    productId: "-//Clauseflow//Deadlines//EN",
    calName: "Clauseflow deadlines",
  });
  if (error || value === null) throw error ?? new Error("ics produced no calendar");
  return value;
}

function toEvent(item: DeadlineItem): EventAttributes {
  const start = parseIsoDay(item.date)!;
  const link = appUrl(`/analyses/${item.analysisId}`);
  const withWhom = item.counterparty ? ` (${item.counterparty})` : "";
  const lines = [
    `${KIND_LABEL[item.kind]} of ${item.title}${withWhom}.`,
    item.estimated ? `Estimated date. ${item.basis}` : item.basis,
    item.autoRenews === true ? "The contract renews automatically." : null,
    `File: ${item.filename}`,
    `Analysis: ${link}`,
  ];
  return {
    uid: `${item.analysisId}-${item.kind}@clauseflow`,
    title: `${KIND_LABEL[item.kind]}: ${item.title}${withWhom}${item.estimated ? " (estimated)" : ""}`,
    description: lines.filter((line) => line !== null).join("\n"),
    url: link,
    start: dayArray(start),
    end: dayArray(addDays(start, 1)),
    transp: "TRANSPARENT",
    busyStatus: "FREE",
  };
}

/** [year, month, day]: `ics` writes a three-part date as an all-day `VALUE=DATE`. */
function dayArray(date: Date): [number, number, number] {
  const [y, m, d] = formatIsoDay(date).split("-").map(Number) as [number, number, number];
  return [y, m, d];
}
