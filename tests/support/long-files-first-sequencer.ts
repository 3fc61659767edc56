import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Integration files that each take a minute or more, longest first (measured in a full run).
 * On a clean clone vitest has no durations cached and starts the largest files first; these are
 * mostly small files that drive a long child process (chaos, the ledger stress run, the 40
 * contracts), so they started last and one worker ran the chaos test alone for over a minute at
 * the end while the other sat idle. Started first, the short files fill in around them.
 * An ordering hint only: a file missing here or listed in the wrong place still runs.
 */
const LONG_FILES = [
  "tests/integration/chaos.test.ts",
  "tests/integration/chunked-analysis.test.ts",
  "tests/integration/dev-stack-ctrl-c.test.ts",
  "tests/integration/infrastructure-failure.test.ts",
  "tests/integration/admission.test.ts",
  "tests/integration/contracts-corpus.test.ts",
  "tests/integration/ledger-stress.test.ts",
  "tests/integration/progress-forward.test.ts",
  "tests/integration/hostile-uploads.test.ts",
  "tests/integration/scanned-contracts.test.ts",
];

/** Vitest's order (failed, then longer or larger first), with the known long files ahead. */
export class LongFilesFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONG_FILES.findIndex((long) => file.moduleId.endsWith(`/${long}`));
      return index === -1 ? LONG_FILES.length : index;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order among themselves.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
