import type { Evidence, Finding } from "./result-schema";

export const NOT_FOUND_DISPLAY = "Not found";

export function notFound(): Finding {
  return { value: null, display: NOT_FOUND_DISPLAY, evidence: null };
}

export function makeFinding(value: string, display: string, evidence: Evidence): Finding {
  return { value, display, evidence };
}
