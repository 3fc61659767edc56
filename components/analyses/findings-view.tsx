"use client";

import ExpandMoreIcon from "@mui/icons-material/ExpandMore";
import FormatQuoteIcon from "@mui/icons-material/FormatQuote";
import Accordion from "@mui/material/Accordion";
import AccordionDetails from "@mui/material/AccordionDetails";
import AccordionSummary from "@mui/material/AccordionSummary";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Collapse from "@mui/material/Collapse";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import type { CitedUnit } from "@/components/analyses/citation-drawer";
import { type FindingRow, findingSections } from "@/components/analyses/finding-rows";
import { formatCitation } from "@/lib/analysis/memo/format-citation";
import type { AnalysisResult } from "@/lib/analysis/result-schema";

const SEVERITY = { high: "error", medium: "warning", low: "default" } as const;

function FindingItem({ row, onCite }: { row: FindingRow; onCite: (cited: CitedUnit) => void }) {
  const [open, setOpen] = useState(false);
  const evidence = row.evidence;
  return (
    <Box
      sx={{
        py: 1,
        borderBottom: 1,
        borderColor: "divider",
        "&:last-of-type": { borderBottom: 0 },
      }}
      data-testid="finding"
      data-finding={row.id}
    >
      <Box
        sx={{
          display: "grid",
          gridTemplateColumns: { xs: "minmax(0, 1fr)", sm: "200px minmax(0, 1fr) auto" },
          gap: { xs: 0.5, sm: 1.5 },
        }}
      >
        <Typography
          variant="body2"
          component="div"
          sx={{ color: "text.secondary", fontWeight: 500 }}
        >
          {row.severity ? (
            <Chip size="small" color={SEVERITY[row.severity]} label={row.severity} sx={{ mr: 1 }} />
          ) : null}
          {row.label}
        </Typography>
        <Typography
          variant="body2"
          sx={{
            color: evidence || row.severity ? "text.primary" : "text.disabled",
            overflowWrap: "anywhere",
          }}
        >
          {row.display}
        </Typography>
        {evidence ? (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: "flex-start" }}>
            <Button
              size="small"
              startIcon={<FormatQuoteIcon fontSize="small" />}
              onClick={() => setOpen((v) => !v)}
              aria-expanded={open}
              data-testid="toggle-evidence"
            >
              {open ? "Hide" : "Evidence"}
            </Button>
            <Button
              size="small"
              variant="outlined"
              onClick={() => onCite({ ...evidence })}
              data-testid="citation"
              aria-label={`Open ${formatCitation(evidence)} of the contract`}
            >
              {formatCitation(evidence)}
            </Button>
          </Stack>
        ) : null}
      </Box>
      {evidence ? (
        <Collapse in={open} unmountOnExit>
          <Box
            component="blockquote"
            sx={{
              m: 0,
              mt: 1,
              ml: { sm: "212px" },
              pl: 1.5,
              borderLeft: 3,
              borderColor: "divider",
            }}
            data-testid="evidence-quote"
          >
            <Typography variant="body2" sx={{ fontStyle: "italic", overflowWrap: "anywhere" }}>
              “{evidence.quote}” — {formatCitation(evidence)}
            </Typography>
          </Box>
        </Collapse>
      ) : null}
    </Box>
  );
}

/**
 * Every finding of the result with the words it rests on, one collapsible section per topic
 * (the risk flags open; the key terms are in the summary above): expand a row to read the quote,
 * or follow its citation to see the quote on its page. "Not found" is an honest answer.
 */
export function FindingsView({
  result,
  onCite,
}: {
  result: AnalysisResult;
  onCite: (cited: CitedUnit) => void;
}) {
  const sections = findingSections(result);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(sections.filter((s) => s.title === "Risk flags").map((s) => s.title)),
  );
  const allOpen = expanded.size === sections.length;
  const toggle = (title: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(title)) next.add(title);
      return next;
    });
  return (
    <Box component="section" aria-labelledby="findings-title">
      <Box
        sx={{
          display: "flex",
          flexWrap: "wrap",
          alignItems: "baseline",
          justifyContent: "space-between",
          gap: 1,
          mb: 1,
        }}
      >
        <Typography id="findings-title" variant="h6" component="h2">
          Findings and evidence
        </Typography>
        <Button
          size="small"
          onClick={() => setExpanded(allOpen ? new Set() : new Set(sections.map((s) => s.title)))}
          data-testid="findings-expand-all"
        >
          {allOpen ? "Collapse all" : "Expand all"}
        </Button>
      </Box>
      <Box data-testid="findings">
        {sections.map((section) => {
          const found = section.rows.filter((row) => row.evidence || row.severity).length;
          return (
            <Accordion
              key={section.title}
              disableGutters
              variant="outlined"
              expanded={expanded.has(section.title)}
              onChange={() => toggle(section.title)}
              slotProps={{ transition: { unmountOnExit: true } }}
              data-testid="findings-section"
            >
              <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                  {section.title}
                </Typography>
                <Typography
                  variant="body2"
                  sx={{ color: "text.secondary", ml: 1.5, alignSelf: "center" }}
                >
                  {section.title === "Risk flags"
                    ? `${section.rows.length} flagged`
                    : `${found} of ${section.rows.length} found`}
                </Typography>
              </AccordionSummary>
              <AccordionDetails sx={{ pt: 0 }}>
                {section.rows.map((row) => (
                  <FindingItem key={row.id} row={row} onCite={onCite} />
                ))}
              </AccordionDetails>
            </Accordion>
          );
        })}
      </Box>
    </Box>
  );
}
