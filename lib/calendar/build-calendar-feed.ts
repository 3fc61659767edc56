import { addDays } from "date-fns";
import { createEventsAsync, type EventAttributes } from "ics";
import { formatIsoDay, parseIsoDay } from "@/lib/dates/iso-calendar";
import type { DeadlineGroups, DeadlineItem } from "@/lib/deadlines/group-deadlines";
import { appUrl } from "@/lib/http/app-url";

/** How far ahead the feed reaches: a year's deadlines and the next renewal after them. */
export const FEED_DAYS = 400;

const KIND_LABEL = { notice: "Notice deadline", expiration: "Contract ends" } as const;

/**
 * Events one feed holds at most, soonest first. The `ics` generator validates every event and
 * costs about 0.45 ms each (5,000 contracts = 10,000 events took 4.5–5 s): the cap bounds one
 * fetch's work whatever the portfolio's size, far above what a year of deadlines needs.
 */
export const FEED_MAX_EVENTS = 1_000;

/**
 * The ICS calendar of a user's deadlines: one all-day event per notice deadline and per
 * expiration (overdue ones included, so a calendar still shows what was missed). UIDs are
 * stable (`<analysisId>-<kind>@clauseflow`): a moved date updates the event instead of adding
 * one, and a deleted analysis's event disappears at the next refresh. Built with the generator's
 * async form, which yields to the event loop between events: a big feed never stalls the web
 * server's other requests.
 */
export async function buildCalendarFeed(groups: DeadlineGroups): Promise<string> {
  const items = [...groups.overdue, ...groups.next30, ...groups.next90]
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, FEED_MAX_EVENTS);
  const { error, value } = await createEventsAsync(items.map(toEvent), {
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
