/**
 * The progress label while OCR reads scans (issue 21). Apart from the step plan, which pulls in
 * the engine's steps: the analysis view (every status poll) needs only this.
 */
export const scannedPagesLabel = (done: number, total: number) =>
  `Reading scanned pages ${done} of ${total}`;
