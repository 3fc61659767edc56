"use client";

import Link from "@mui/material/Link";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { useBatchesList } from "@/components/batches/use-batch-query";
import { formatCredits } from "@/components/format";
import { RelativeTime } from "@/components/relative-time";

/** My latest bulk uploads, linked to their batch pages (hidden when there are none). */
export function RecentBatches() {
  const { data } = useBatchesList();
  const batches = data?.batches ?? [];
  if (batches.length === 0) return null;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="recent-batches"
      sx={{ p: 2, mb: 3 }}
    >
      <Typography id="recent-batches" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Batches
      </Typography>
      <List dense disablePadding>
        {batches.map((batch) => (
          <ListItem key={batch.id} disableGutters data-testid="batch-link">
            <ListItemText
              primary={
                <Link component={NextLink} href={`/batches/${batch.id}`}>
                  {batch.name}
                </Link>
              }
              secondary={
                <>
                  {batch.confirmedAt
                    ? `${batch.counts.done} of ${batch.counts.total} done`
                    : "Not started"}{" "}
                  · {formatCredits(batch.totalCredits)} · <RelativeTime iso={batch.createdAt} />
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
