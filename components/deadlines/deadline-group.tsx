import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { visuallyHidden } from "@/components/visually-hidden";
import type { DeadlineItem } from "./deadline-types";
import { formatDay, relativeDay } from "./format-day";

const KIND_LABEL = { notice: "Notice deadline", expiration: "Term ends" } as const;

/** One group of dated items (overdue, next 30 days, …) as a list of cards; a line when empty. */
export function DeadlineGroup({
  id,
  title,
  hint,
  items,
  today,
  empty,
}: {
  id: string;
  title: string;
  hint: string;
  items: readonly DeadlineItem[];
  today: string;
  empty: string;
}) {
  const headingId = `${id}-heading`;
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      data-testid={`deadlines-${id}`}
      sx={{ mb: 4 }}
    >
      <Typography id={headingId} variant="h6" component="h2">
        {title}{" "}
        <Typography component="span" color="text.secondary">
          ({items.length})
        </Typography>
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {hint}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {empty}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: "none", p: 0, m: 0, display: "grid", gap: 1 }}>
          {items.map((item) => (
            <DeadlineRow key={`${item.analysisId}-${item.kind}`} item={item} today={today} />
          ))}
        </Box>
      )}
    </Box>
  );
}

function DeadlineRow({ item, today }: { item: DeadlineItem; today: string }) {
  return (
    <Paper
      component="li"
      variant="outlined"
      data-testid="deadline-item"
      sx={{
        p: 2,
        display: "grid",
        gap: 1,
        gridTemplateColumns: { xs: "1fr", sm: "12rem 1fr" },
        alignItems: "start",
      }}
    >
      <Box>
        <Typography variant="subtitle2" component="p">
          {KIND_LABEL[item.kind]}
        </Typography>
        <Typography component="p">
          <time dateTime={item.date}>{formatDay(item.date)}</time>
        </Typography>
        <Typography variant="body2" color="text.secondary" component="p">
          {relativeDay(item.date, today)}
        </Typography>
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Link
          component={NextLink}
          href={`/analyses/${item.analysisId}`}
          title={item.filename}
          sx={{ fontWeight: 600, overflowWrap: "anywhere" }}
        >
          {item.title}
        </Link>
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: "anywhere" }}>
          {item.counterparty ? `With ${item.counterparty} · ` : ""}
          {item.filename}
        </Typography>
        <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1, mt: 1 }}>
          {item.estimated ? (
            <Tooltip title={item.basis} describeChild>
              <Chip
                size="small"
                color="warning"
                variant="outlined"
                tabIndex={0}
                data-testid="estimated-chip"
                label={
                  <>
                    Estimated
                    <Box component="span" sx={visuallyHidden}>
                      {`: ${item.basis}`}
                    </Box>
                  </>
                }
              />
            </Tooltip>
          ) : (
            <Typography variant="caption" color="text.secondary">
              {item.basis}
            </Typography>
          )}
          {item.autoRenews === true ? (
            <Chip size="small" variant="outlined" label="Renews automatically" />
          ) : null}
        </Box>
      </Box>
    </Paper>
  );
}
