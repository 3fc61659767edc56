/**
 * The contracts an `--exclude FILE` leaves out: one PDF file name per line, blank lines and lines
 * starting with "#" ignored. Used to score held-out without the contracts someone has read while
 * developing rules (bench/eval-held-out-read.txt), so the figure stays about unseen contracts.
 */
export function readExcludeList(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
}
