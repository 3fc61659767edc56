import { DocumentError } from "@/lib/errors";

export function textTooLargeError(maxChars: number): DocumentError {
  return new DocumentError(
    "text_too_large",
    `This document has more text than we can analyze (over ${maxChars.toLocaleString("en-US")} characters). Split it into smaller documents and upload them separately.`,
  );
}
