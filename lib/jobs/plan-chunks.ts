export type ChunkPlan = {
  chunkIndex: number;
  /** 1-based, inclusive; `lastPage` includes the overlap page. */
  firstPage: number;
  lastPage: number;
  /** Pages counted towards progress: the chunk's own range, without the overlap. */
  ownedPages: number;
};

/**
 * Splits `pageCount` pages into chunks of `chunkPages`, each reading `overlap` pages into the
 * next chunk so a clause that starts at the bottom of a page is seen whole by one chunk (the
 * merge drops what both chunks found there). Owned ranges cover every page exactly once.
 */
export function planChunks(pageCount: number, chunkPages: number, overlap = 1): ChunkPlan[] {
  if (!Number.isInteger(pageCount) || pageCount < 1) throw new RangeError("pageCount must be ≥ 1");
  if (!Number.isInteger(chunkPages) || chunkPages < 1)
    throw new RangeError("chunkPages must be ≥ 1");
  const chunks: ChunkPlan[] = [];
  for (let first = 1; first <= pageCount; first += chunkPages) {
    const ownedLast = Math.min(pageCount, first + chunkPages - 1);
    chunks.push({
      chunkIndex: chunks.length,
      firstPage: first,
      lastPage: Math.min(pageCount, ownedLast + Math.max(0, overlap)),
      ownedPages: ownedLast - first + 1,
    });
  }
  return chunks;
}
