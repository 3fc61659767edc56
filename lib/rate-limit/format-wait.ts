/** "45 seconds", "3 minutes", "2 hours": a wait rounded up, for "Try again in …". */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? "1 second" : `${s} seconds`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.ceil(s / 3_600);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}
