/** A parsed VEVENT: property name (without parameters) → value, text unescaped; DTSTART/DTEND
 *  keep their parameters under `DTSTART;params`. */
export type IcsEvent = Record<string, string>;

/**
 * A small RFC 5545 reader for tests: unfolds continuation lines, splits VEVENTs, unescapes
 * TEXT values. Enough to check what a calendar app would read; not a general parser.
 */
export function parseIcs(text: string): { calendar: Record<string, string>; events: IcsEvent[] } {
  if (!text.startsWith("BEGIN:VCALENDAR")) throw new Error("not an iCalendar document");
  const lines = text.replace(/\r\n[ \t]/g, "").split(/\r\n/);
  const calendar: Record<string, string> = {};
  const events: IcsEvent[] = [];
  let event: IcsEvent | null = null;
  for (const line of lines) {
    if (line === "") continue;
    if (line === "BEGIN:VEVENT") {
      event = {};
      continue;
    }
    if (line === "END:VEVENT") {
      if (event) events.push(event);
      event = null;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon < 0) throw new Error(`malformed line: ${line}`);
    const head = line.slice(0, colon);
    const [name = ""] = head.split(";");
    const value = unescapeText(line.slice(colon + 1));
    const target = event ?? calendar;
    target[name] = value;
    if (head !== name) target[head] = value;
  }
  return { calendar, events };
}

function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}
