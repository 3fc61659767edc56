/** The query key of an analysis's structured result; the page's server render fills it too. */
export const analysisResultKey = (analysisId: string) =>
  ["analyses", "result", analysisId] as const;
