import { BoundedRunStopped, runBoundedCommand } from "./run-bounded-command";

export type OcrAvailability =
  | { available: true }
  | { available: false; reason: string; howToEnable: string };

const HOW_TO_ENABLE =
  "Install tesseract (with its English data) and poppler's tools, then restart: on Debian/Ubuntu `sudo apt-get install -y tesseract-ocr tesseract-ocr-eng poppler-utils`, on macOS `brew install tesseract poppler`.";
const CHECK_TIMEOUT_MS = 10_000;
const CHECK_MEMORY_MIB = 512;

let checked: Promise<OcrAvailability> | undefined;

/**
 * Whether this machine can read scanned pages: pdfinfo, pdfimages and pdftoppm (poppler-utils)
 * and tesseract with English data. Checked once per process (the tools do not come and go while
 * it runs); without them scanned PDFs are off and everything else works.
 */
export function getOcrAvailability(): Promise<OcrAvailability> {
  checked ??= checkOcrTools();
  return checked;
}

async function checkOcrTools(): Promise<OcrAvailability> {
  const missing: string[] = [];
  const bounds = () => ({ deadline: Date.now() + CHECK_TIMEOUT_MS, memoryMiB: CHECK_MEMORY_MIB });
  const answers = async (command: string, args: string[]) => {
    try {
      return await runBoundedCommand(command, args, bounds());
    } catch (error) {
      if (error instanceof BoundedRunStopped) return undefined;
      throw error;
    }
  };
  for (const tool of ["pdfinfo", "pdfimages", "pdftoppm"]) {
    // poppler's tools print their version with -v (exit 0, or 99 on older releases).
    const result = await answers(tool, ["-v"]);
    if (!result || !/poppler|version/i.test(result.stderr + result.stdout)) missing.push(tool);
  }
  const langs = await answers("tesseract", ["--list-langs"]);
  if (langs?.exitCode !== 0) missing.push("tesseract");
  else if (!/^eng$/m.test(langs.stdout)) {
    missing.push("tesseract's English data (tesseract-ocr-eng)");
  }

  if (missing.length === 0) return { available: true };
  return {
    available: false,
    reason: `scanned PDFs are off: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not installed`,
    howToEnable: HOW_TO_ENABLE,
  };
}
