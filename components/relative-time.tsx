"use client";

import { formatDateTime, formatRelative } from "@/components/format";
import { useNow } from "@/components/use-now";

/** "5 minutes ago", with the exact date and time as tooltip and machine-readable `dateTime`. */
export function RelativeTime({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  const now = useNow();
  if (!iso) return <span>{fallback}</span>;
  const absolute = formatDateTime(iso);
  return (
    <time dateTime={iso} title={absolute} suppressHydrationWarning>
      {formatRelative(iso, now)}
    </time>
  );
}
