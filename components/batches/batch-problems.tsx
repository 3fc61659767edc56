import Link from "@mui/material/Link";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import type { BatchView } from "@/components/api-types";
import { pluralize } from "@/components/format";

/** The files left out of a batch, each with its reason: they are never charged. */
export function BatchProblems({ problems }: { problems: BatchView["problems"] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-label="Files left out" data-testid="batch-problems">
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {pluralize(problems.length, "file")} left out — excluded, free
      </Typography>
      <List dense disablePadding>
        {problems.map((problem, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a batch's problems are fixed and never reorder; two may share a file name.
          <ListItem key={`${problem.filename}-${i}`} disableGutters data-testid="batch-problem">
            <ListItemText
              primary={`${problem.filename} — excluded, free`}
              secondary={
                <>
                  {problem.message}
                  {problem.analysisId ? (
                    <>
                      {" "}
                      <Link component={NextLink} href={`/analyses/${problem.analysisId}`}>
                        {problem.code === "analysed_before"
                          ? "Open its memo"
                          : "Open that analysis"}
                      </Link>
                    </>
                  ) : null}
                </>
              }
              slotProps={{
                primary: { sx: { fontWeight: 500, overflowWrap: "anywhere" } },
                secondary: { sx: { color: "warning.dark" } },
              }}
            />
          </ListItem>
        ))}
      </List>
    </section>
  );
}
