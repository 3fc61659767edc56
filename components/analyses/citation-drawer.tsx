"use client";

import CloseIcon from "@mui/icons-material/Close";
import Box from "@mui/material/Box";
import Drawer from "@mui/material/Drawer";
import IconButton from "@mui/material/IconButton";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { locateQuote } from "@/components/analyses/finding-rows";
import { PdfPageView } from "@/components/analyses/pdf-page-view";
import { errorMessage, fetchJson } from "@/components/fetch-json";
import { Notice } from "@/components/notice";

/** What a citation points at: a page (PDF) or paragraph (DOCX, text), and the words, if any. */
export type CitedUnit = { unit: number; unitLabel: "page" | "paragraph"; quote: string | null };

type UnitResponse = { unit: number; unitLabel: "page" | "paragraph"; text: string };

/** A DOCX or text paragraph (as extracted), with the quoted words marked and scrolled to. */
function ParagraphText({ documentId, cited }: { documentId: string; cited: CitedUnit }) {
  const mark = useRef<HTMLElement>(null);
  const unit = useQuery({
    queryKey: ["documents", documentId, "unit", cited.unit],
    queryFn: ({ signal }) =>
      fetchJson<UnitResponse>(`/api/documents/${documentId}/units/${cited.unit}`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const text = unit.data?.text ?? "";
  const at = unit.data && cited.quote ? locateQuote(text, cited.quote) : null;
  useEffect(() => {
    if (at) mark.current?.scrollIntoView({ block: "center" });
  }, [at]);

  if (unit.isPending) {
    return (
      <Stack spacing={1}>
        <Skeleton variant="text" />
        <Skeleton variant="text" />
        <Skeleton variant="text" width="70%" />
      </Stack>
    );
  }
  if (unit.isError) {
    return <Notice severity="error">Couldn't load the text. {errorMessage(unit.error)}</Notice>;
  }
  return (
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
  );
}

/**
 * The cited page of the original PDF (rendered by pdf.js, the quote highlighted) or the cited
 * paragraph of a DOCX/text file, in a drawer whose title bar and close button stay in view while
 * the page scrolls (a phone's page is taller than its screen).
 */
export function CitationDrawer({
  documentId,
  cited,
  onClose,
}: {
  documentId: string;
  cited: CitedUnit | null;
  onClose: () => void;
}) {
  return (
    <Drawer
      anchor="right"
      open={cited !== null}
      onClose={onClose}
      slotProps={{ paper: { sx: { width: { xs: "100%", sm: 640 }, maxWidth: "100%" } } }}
    >
      {cited ? (
        <Box data-testid="source-panel" aria-labelledby="source-title" role="region">
          <Stack
            direction="row"
            sx={{
              position: "sticky",
              top: 0,
              zIndex: 2,
              alignItems: "center",
              justifyContent: "space-between",
              px: { xs: 2, sm: 3 },
              py: 1,
              bgcolor: "background.paper",
              borderBottom: 1,
              borderColor: "divider",
            }}
          >
            <Typography id="source-title" variant="h6" component="h2">
              {cited.unitLabel === "page" ? `Page ${cited.unit}` : `Paragraph ${cited.unit}`}
            </Typography>
            <IconButton onClick={onClose} aria-label="Close" data-testid="source-close">
              <CloseIcon />
            </IconButton>
          </Stack>
          <Box sx={{ p: { xs: 2, sm: 3 } }}>
            {cited.quote ? (
              <Box
                component="blockquote"
                sx={{ m: 0, mb: 2, pl: 1.5, borderLeft: 3, borderColor: "warning.main" }}
              >
                <Typography variant="body2" sx={{ fontStyle: "italic" }}>
                  “{cited.quote}”
                </Typography>
              </Box>
            ) : null}
            {cited.unitLabel === "page" ? (
              <PdfPageView documentId={documentId} page={cited.unit} quote={cited.quote} />
            ) : (
              <ParagraphText documentId={documentId} cited={cited} />
            )}
          </Box>
        </Box>
      ) : null}
    </Drawer>
  );
}
