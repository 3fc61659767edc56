import { env } from "@/lib/env";
import type { OcrLimits } from "./types";

/** The configured bounds of OCR (lib/env.ts), with a caller's overrides. */
export function ocrLimits(overrides: Partial<OcrLimits> = {}): OcrLimits {
  return {
    dpi: overrides.dpi ?? env.OCR_DPI,
    timeoutMs: overrides.timeoutMs ?? env.OCR_PAGE_TIMEOUT_MS,
    memoryMiB: overrides.memoryMiB ?? env.OCR_PAGE_MEMORY_MIB,
    maxPagePixels: overrides.maxPagePixels ?? env.OCR_MAX_PAGE_PIXELS,
  };
}
