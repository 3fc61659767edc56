"use client";

import CloseIcon from "@mui/icons-material/Close";
import FormatQuoteIcon from "@mui/icons-material/FormatQuote";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Collapse from "@mui/material/Collapse";
import Drawer from "@mui/material/Drawer";
import IconButton from "@mui/material/IconButton";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { type FindingRow, findingSections, locateQuote } from "@/components/analyses/finding-rows";
import { errorMessage, fetchJson } from "@/components/fetch-json";
import { Notice } from "@/components/notice";
import { formatCitation } from "@/lib/analysis/memo/format-citation";
import type { AnalysisResult, Evidence } from "@/lib/analysis/result-schema";

type ResultResponse = { documentId: string; result: AnalysisResult };
type UnitResponse = { unit: number; unitLabel: "page" | "paragraph"; text: string };

const SEVERITY = { high: "error", medium: "warning", low: "default" } as const;

/** The cited page or paragraph, with the quoted words marked and scrolled into view. */
function SourcePanel({
  documentId,
  evidence,
  onClose,
}: {
  documentId: string;
  evidence: Evidence;
  onClose: () => void;
}) {
  const mark = useRef<HTMLElement>(null);
  const unit = useQuery({
    queryKey: ["documents", documentId, "unit", evidence.unit],
    queryFn: ({ signal }) =>
      fetchJson<UnitResponse>(`/api/documents/${documentId}/units/${evidence.unit}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const text = unit.data?.text ?? "";
  const at = unit.data ? locateQuote(text, evidence.quote) : null;
  useEffect(() => {
    if (at) mark.current?.scrollIntoView({ block: "center" });
  }, [at]);

  return (
    <Box sx={{ width: { xs: "100vw", sm: 520 }, p: 3 }} data-testid="source-panel">
      <Stack direction="row" sx={{ alignItems: "center", justifyContent: "space-between", mb: 2 }}>
        <Typography variant="h6" component="h2">
          {evidence.unitLabel === "page" ? `Page ${evidence.unit}` : `Paragraph ${evidence.unit}`}
        </Typography>
        <IconButton onClick={onClose} aria-label="Close">
          <CloseIcon />
        </IconButton>
      </Stack>
      {unit.isPending ? (
        <Stack spacing={1}>
          <Skeleton variant="text" />
          <Skeleton variant="text" />
          <Skeleton variant="text" width="70%" />
        </Stack>
      ) : unit.isError ? (
        <Notice severity="error">Couldn't load the page. {errorMessage(unit.error)}</Notice>
      ) : (
        <Typography
          component="div"
          variant="body2"
          sx={{ whiteSpace: "pre-wrap", lineHeight: 1.7, fontFamily: "Georgia, serif" }}
        >
          {at ? (
            <>
              {text.slice(0, at.start)}
              <Box
                component="mark"
                ref={mark}
                data-testid="source-quote"
                sx={{ bgcolor: "warning.light", px: 0.25, borderRadius: 0.5 }}
              >
                {text.slice(at.start, at.end)}
              </Box>
              {text.slice(at.end)}
            </>
          ) : (
            text
          )}
        </Typography>
      )}
    </Box>
  );
}

function FindingItem({ row, onCite }: { row: FindingRow; onCite: (e: Evidence) => void }) {
  const [open, setOpen] = useState(false);
  const evidence = row.evidence;
  return (
    <Box
      sx={{
        py: 1.25,
        borderBottom: 1,
        borderColor: "divider",
        "&:last-of-type": { borderBottom: 0 },
      }}
      data-testid="finding"
      data-finding={row.id}
    >
      <Box
        sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", sm: "200px 1fr auto" }, gap: 1.5 }}
      >
        <Typography variant="body2" sx={{ color: "text.secondary", fontWeight: 500 }}>
          {row.severity ? (
            <Chip size="small" color={SEVERITY[row.severity]} label={row.severity} sx={{ mr: 1 }} />
          ) : null}
          {row.label}
        </Typography>
        <Typography
          variant="body2"
          sx={{ color: evidence || row.severity ? "text.primary" : "text.disabled" }}
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
              onClick={() => onCite(evidence)}
              data-testid="citation"
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
            <Typography variant="body2" sx={{ fontStyle: "italic" }}>
              “{evidence.quote}” — {formatCitation(evidence)}
            </Typography>
          </Box>
        </Collapse>
      ) : null}
    </Box>
  );
}

/**
 * Every finding of the result with the words it rests on: expand a row to read the quote, or
 * follow its citation to see the quote marked in its page. "Not found" is an honest answer.
 */
export function FindingsView({ analysisId }: { analysisId: string }) {
  const [cited, setCited] = useState<Evidence | null>(null);
  const query = useQuery({
    queryKey: ["analyses", "result", analysisId],
    queryFn: ({ signal }) =>
      fetchJson<ResultResponse>(`/api/analyses/${analysisId}/result`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (query.isPending) return <Skeleton variant="rounded" height={160} />;
  if (query.isError) {
    return (
      <Notice severity="error">Couldn't load the findings. {errorMessage(query.error)}</Notice>
    );
  }
  const { documentId, result } = query.data;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="findings-title"
      sx={{ p: { xs: 2, sm: 3 } }}
    >
      <Typography id="findings-title" variant="h5" component="h2" sx={{ mb: 0.5 }}>
        Findings and evidence
      </Typography>
      <Typography variant="body2" sx={{ color: "text.secondary", mb: 2 }}>
        Every finding quotes the contract. Open the evidence, or follow a citation to see the words
        on their page.
      </Typography>
      <Stack spacing={3} data-testid="findings">
        {findingSections(result).map((section) => (
          <Box key={section.title}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
              {section.title}
            </Typography>
            {section.rows.map((row) => (
              <FindingItem key={row.id} row={row} onCite={setCited} />
            ))}
          </Box>
        ))}
      </Stack>
      <Drawer anchor="right" open={cited !== null} onClose={() => setCited(null)}>
        {cited ? (
          <SourcePanel documentId={documentId} evidence={cited} onClose={() => setCited(null)} />
        ) : null}
      </Drawer>
    </Paper>
  );
}
