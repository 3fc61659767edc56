import type { DocumentKind } from "@/lib/db/schema/documents";
import type { AppErrorCode } from "@/lib/errors";
import type { DocumentInspection } from "./inspect-document-in-process";
import type { ExtractedText, PageRange } from "./types";

/** What the reader pool's child processes do: both read untrusted bytes. */
export type ReaderTask =
  | { op: "inspect"; bytes: Uint8Array }
  | {
      op: "extract";
      bytes: Uint8Array;
      kind: DocumentKind;
      options: { maxPages?: number; maxChars?: number; pages?: PageRange; allowScanned?: boolean };
    };

export type ReaderResults = { inspect: DocumentInspection; extract: ExtractedText };

export type ReaderReply =
  | { ok: true; op: "inspect"; value: DocumentInspection }
  | { ok: true; op: "extract"; value: ExtractedText }
  | {
      ok: false;
      error: { code: AppErrorCode; message: string; details: Record<string, unknown> | undefined };
    };
