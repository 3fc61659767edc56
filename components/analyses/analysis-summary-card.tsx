"use client";

import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import type { CitedUnit } from "@/components/analyses/citation-drawer";
import { Fact } from "@/components/fact";
import type { AnalysisResult, Evidence, RiskSeverity } from "@/lib/analysis/result-schema";

const SEVERITY_COLOR = { high: "error", medium: "warning", low: "default" } as const;
const SEVERITY_ORDER: Record<RiskSeverity, number> = { high: 0, medium: 1, low: 2 };
const NOT_FOUND = "Not found";

/** One key term: its label, its value (two lines at most; the whole on hover). */
function Term({ label, value, wide }: { label: string; value: ReactNode; wide?: boolean }) {
  const text = typeof value === "string" ? value : undefined;
  return (
    <Fact
      label={label}
      title={text}
      sx={{ gridColumn: wide ? { sm: "span 2" } : undefined }}
      valueSx={{
        color: text === NOT_FOUND ? "text.disabled" : "text.primary",
        display: "-webkit-box",
        WebkitLineClamp: 2,
        WebkitBoxOrient: "vertical",
        overflow: "hidden",
      }}
    >
      {value}
    </Fact>
  );
}

const cite = (evidence: Evidence): CitedUnit => ({ ...evidence });

/**
 * The contract's key terms and risk flags in one card, read straight from the analysis result:
 * what it is, who signed it, when it runs and renews, the notice to stop a renewal, its law.
 * A risk flag with evidence opens its citation.
 */
export function AnalysisSummaryCard({
  result,
  onCite,
}: {
  result: AnalysisResult;
  onCite: (cited: CitedUnit) => void;
}) {
  const { identification: id, term, keyClauses } = result;
  const parties =
    id.parties
      .map((p) => (p.role && !p.display.includes(p.role) ? `${p.display} (${p.role})` : p.display))
      .join(" · ") || NOT_FOUND;
  const expiration = term.perpetual.value
    ? "Perpetual (until terminated)"
    : term.expirationDate.display;
  const renewal =
    term.renewalTerm.automatic === true && !/automatic/i.test(term.renewalTerm.display)
      ? `Automatic — ${term.renewalTerm.display}`
      : term.renewalTerm.display;
  const flags = [...result.riskFlags].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="summary-title"
      data-testid="analysis-summary"
      sx={{ p: { xs: 2, sm: 2.5 } }}
    >
      <Typography id="summary-title" variant="h6" component="h2" sx={{ mb: 1.5 }}>
        Key terms
      </Typography>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: "grid",
          gridTemplateColumns: { xs: "1fr 1fr", md: "repeat(4, minmax(0, 1fr))" },
          columnGap: 2.5,
          rowGap: 1.5,
        }}
      >
        <Term label="Contract" value={id.title.display} />
        <Term label="Parties" value={parties} wide />
        <Term label="Governing law" value={keyClauses.governingLaw.display} />
        <Term label="Effective" value={id.effectiveDate.display} />
        <Term label="Expires" value={expiration} />
        <Term label="Initial term" value={term.initialTerm.display} />
        <Term
          label="Renewal · notice to stop it"
          value={`${renewal} · ${term.renewalNoticePeriod.display}`}
        />
      </Box>
      <Box sx={{ mt: 2, display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
        <Typography variant="caption" sx={{ color: "text.secondary", fontWeight: 500, mr: 0.5 }}>
          Risk flags
        </Typography>
        {flags.length === 0 ? (
          <Typography variant="body2" data-testid="risk-flags-none">
            None found
          </Typography>
        ) : (
          flags.map((flag) => {
            const evidence = flag.evidence;
            return (
              <Chip
                key={`${flag.code}-${flag.explanation}`}
                size="small"
                color={SEVERITY_COLOR[flag.severity]}
                variant={flag.severity === "low" ? "outlined" : "filled"}
                label={`${flag.code.replaceAll("_", " ")} · ${flag.severity}`}
                title={flag.explanation}
                data-testid="risk-flag"
                {...(evidence ? { onClick: () => onCite(cite(evidence)) } : {})}
              />
            );
          })
        )}
      </Box>
    </Paper>
  );
}
