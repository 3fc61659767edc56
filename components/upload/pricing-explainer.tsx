import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { formatCredits, formatNumber, pluralize } from "@/components/format";

/** "How pricing works": the rules behind a quote, with this deployment's numbers. */
export function PricingExplainer({
  wordsPerPage,
  pagesPerCredit,
  minCredits,
}: {
  wordsPerPage: number;
  pagesPerCredit: number;
  minCredits: number;
}) {
  return (
    <Paper variant="outlined" component="aside" aria-labelledby="pricing-title" sx={{ p: 2.5 }}>
      <Typography id="pricing-title" variant="h6" component="h2" sx={{ mb: 1.5 }}>
        How pricing works
      </Typography>
      <Stack component="ol" spacing={1.25} sx={{ m: 0, pl: 2.5, color: "text.secondary" }}>
        <Typography component="li" variant="body2">
          We count the pages and words of the file as stored on our servers and quote a{" "}
          <strong>fixed price</strong> in credits. It doesn't change when you confirm.
        </Typography>
        <Typography component="li" variant="body2">
          {formatCredits(1)} per {pluralize(pagesPerCredit, "page")}, rounded up
          {minCredits > 1 ? ` (minimum ${formatCredits(minCredits)})` : ""}. Word and text files
          count {formatNumber(wordsPerPage)} words as a page.
        </Typography>
        <Typography component="li" variant="body2">
          When you confirm, the credits are <strong>held</strong>, not spent.
        </Typography>
        <Typography component="li" variant="body2">
          They're charged only if the analysis <strong>succeeds</strong>. If it fails or you cancel
          it, they're released back to you.
        </Typography>
        <Typography component="li" variant="body2">
          Unconfirmed quotes wait for you under My analyses.
        </Typography>
      </Stack>
    </Paper>
  );
}
