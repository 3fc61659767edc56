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
 * and tesseract with English data. A definite answer is kept for the process's life (the tools do
 * not come and go while it runs); one where a tool did not answer in time (a busy machine) or the
 * check failed is not, and the next call checks again. Without the tools scanned PDFs are off
 * and everything else works.
 */
export function getOcrAvailability(): Promise<OcrAvailability> {
  if (checked) return checked;
  const check: Promise<OcrAvailability> = checkOcrTools().then(
    ({ availability, definite }) => {
      if (!definite && checked === check) checked = undefined;
      return availability;
    },
    (error: unknown) => {
      if (checked === check) checked = undefined;
      throw error;
    },
  );
  checked = check;
  return check;
}

const POPPLER_TOOLS = ["pdfinfo", "pdfimages", "pdftoppm"] as const;

async function checkOcrTools(): Promise<{ availability: OcrAvailability; definite: boolean }> {
  const missing: string[] = [];
  let definite = true;
  const bounds = () => ({ deadline: Date.now() + CHECK_TIMEOUT_MS, memoryMiB: CHECK_MEMORY_MIB });
  const answers = async (command: string, args: string[]) => {
    try {
      return await runBoundedCommand(command, args, bounds());
    } catch (error) {
      if (error instanceof BoundedRunStopped) {
        // Too slow to answer is not known to be missing.
        if (error.why === "timeout") definite = false;
        return undefined;
      }
      throw error;
    }
  };
  // The tools are independent: asked all at once, reported in this order.
  const [langs, ...versions] = await Promise.all([
    answers("tesseract", ["--list-langs"]),
    // poppler's tools print their version with -v (exit 0, or 99 on older releases).
    ...POPPLER_TOOLS.map((tool) => answers(tool, ["-v"])),
  ]);
  POPPLER_TOOLS.forEach((tool, index) => {
    const result = versions[index];
    if (!result || !/poppler|version/i.test(result.stderr + result.stdout)) missing.push(tool);
  });
  if (langs?.exitCode !== 0) missing.push("tesseract");
  else if (!/^eng$/m.test(langs.stdout)) {
    missing.push("tesseract's English data (tesseract-ocr-eng)");
  }

  if (missing.length === 0) return { availability: { available: true }, definite };
  return {
    availability: {
      available: false,
      reason: `scanned PDFs are off: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not installed`,
      howToEnable: HOW_TO_ENABLE,
    },
    definite,
  };
}
