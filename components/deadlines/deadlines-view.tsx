"use client";

import Box from "@mui/material/Box";
import Link from "@mui/material/Link";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import NextLink from "next/link";
import { fetchJson } from "@/components/fetch-json";
import { Notice } from "@/components/notice";
import { queryKeys } from "@/components/query-keys";
import { QueryErrorAlert } from "@/components/query-state";
import { CalendarFeedCard } from "./calendar-feed-card";
import { DeadlineGroup } from "./deadline-group";
import type { DeadlinesResponse } from "./deadline-types";

const DAYS = 90;

/** The three groups of dates and the calendar feed. */
export function DeadlinesView() {
  const query = useQuery({
    queryKey: queryKeys.deadlinesFor(DAYS),
    queryFn: ({ signal }) =>
      fetchJson<DeadlinesResponse>(`/api/deadlines?days=${DAYS}`, { signal }),
    refetchOnWindowFocus: true,
  });
  const data = query.data;
  const total = data ? data.overdue.length + data.next30.length + data.next90.length : 0;

  return (
    <Box
      sx={{
        display: "grid",
        gap: 4,
        gridTemplateColumns: { xs: "1fr", md: "minmax(0, 2fr) minmax(0, 1fr)" },
        alignItems: "start",
      }}
    >
      <Box sx={{ minWidth: 0 }}>
        <QueryErrorAlert
          query={query}
          refreshMessage="Couldn't refresh your deadlines. "
          loadMessage="Couldn't load your deadlines. "
          onRetry={() => void query.refetch()}
          sx={{ mb: 2 }}
        />
        {!data && query.isPending ? (
          <Box role="status" aria-busy="true" aria-label="Loading deadlines">
            <Skeleton height={48} />
            <Skeleton height={96} />
            <Skeleton height={96} />
          </Box>
        ) : null}
        {data && total === 0 ? (
          <Notice severity="info" title="No deadlines in the next 90 days" sx={{ mb: 3 }}>
            Dates show up here once an analysed contract states an end date or a term we can count
            from: when it ends, and the last day to give notice so it doesn't renew. Contracts that
            run until terminated have none.{" "}
            <Link component={NextLink} href="/upload">
              Analyse a contract
            </Link>
          </Notice>
        ) : null}
        {data ? (
          <>
            <DeadlineGroup
              id="overdue"
              title="Overdue"
              hint="Notice deadlines that passed while the term still runs (the contract may renew unless the other side agrees otherwise), and dates of the last 30 days."
              items={data.overdue}
              today={data.today}
              empty="Nothing overdue."
            />
            <DeadlineGroup
              id="next30"
              title="Next 30 days"
              hint="Give notice or decide on renewal now."
              items={data.next30}
              today={data.today}
              empty="Nothing in the next 30 days."
            />
            <DeadlineGroup
              id="next90"
              title={`31–${data.days} days`}
              hint="Coming up: plan ahead."
              items={data.next90}
              today={data.today}
              empty={`Nothing between 31 and ${data.days} days from now.`}
            />
            <Typography variant="caption" color="text.secondary" component="p">
              Dates are calendar days (UTC). "Estimated" dates were computed — from a start date and
              the initial term, or by counting automatic renewals — rather than stated in the
              contract: check them against the contract before relying on them.
            </Typography>
          </>
        ) : null}
      </Box>
      <CalendarFeedCard active={data?.calendar.active ?? false} />
    </Box>
  );
}
