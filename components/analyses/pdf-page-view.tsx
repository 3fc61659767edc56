"use client";

import ZoomInIcon from "@mui/icons-material/ZoomIn";
import ZoomOutIcon from "@mui/icons-material/ZoomOut";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { useEffect, useRef, useState } from "react";
import { spansCoveringQuote } from "@/components/analyses/match-quote-spans";
import type { DocumentUnitView, OcrWordView } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";
import { Notice } from "@/components/notice";

/** Where pdf.js's worker is served from (app/pdfjs/worker/route.ts): same origin, for the CSP. */
const WORKER_URL = "/pdfjs/worker";

// One load per document per tab: a second citation of the same contract renders at once.
const documents = new Map<string, Promise<PDFDocumentProxy>>();

async function loadPdf(documentId: string): Promise<PDFDocumentProxy> {
  let loading = documents.get(documentId);
  if (!loading) {
    loading = import("pdfjs-dist").then((pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = WORKER_URL;
      return pdfjs.getDocument({ url: `/api/documents/${encodeURIComponent(documentId)}/file` })
        .promise;
    });
    // A failed load is not kept: the next open tries again.
    loading.catch(() => documents.delete(documentId));
    documents.set(documentId, loading);
  }
  return loading;
}

type Rendered =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ready"; found: boolean; ocrBoxes: OcrWordView[] };

/**
 * A scan has no text layer to search: the quote is matched against the words OCR read on the
 * page (`/api/documents/:id/units/:page` answers them for a scanned page), whose boxes are then
 * drawn over the image. Empty when the page is not a scan or the quote is not there.
 */
async function ocrBoxesCoveringQuote(
  documentId: string,
  page: number,
  quote: string,
): Promise<OcrWordView[]> {
  const unit = await fetchJson<DocumentUnitView>(
    `/api/documents/${encodeURIComponent(documentId)}/units/${page}`,
  );
  const words = unit.words ?? [];
  return spansCoveringQuote(
    words.map((word) => word.text),
    quote,
  ).flatMap((index) => words[index] ?? []);
}

function scrollIntoViewOnce(element: HTMLDivElement | null) {
  element?.scrollIntoView({ block: "center", inline: "nearest" });
}

/**
 * One page of the user's stored PDF drawn by pdf.js at the width of its frame, with the text
 * layer over it (selectable) and the runs carrying `quote` highlighted and scrolled into view.
 */
export function PdfPageView({
  documentId,
  page,
  quote,
}: {
  documentId: string;
  page: number;
  quote: string | null;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const sheet = useRef<HTMLDivElement>(null);
  // On a phone the page fits 360 px and its words are tiny: twice the width scrolls in its frame.
  const [zoom, setZoom] = useState<1 | 2>(1);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState<Rendered>({ state: "loading" });

  useEffect(() => {
    let cancelled = false;
    let stop = () => {};
    setRendered({ state: "loading" });
    (async () => {
      const [pdfjs, pdf] = await Promise.all([import("pdfjs-dist"), loadPdf(documentId)]);
      const pdfPage = await pdf.getPage(page);
      const canvas = canvasRef.current;
      const textLayerDiv = textRef.current;
      const box = frame.current;
      const paper = sheet.current;
      if (cancelled || !canvas || !textLayerDiv || !box || !paper) return;
      const scale = (box.clientWidth * zoom) / pdfPage.getViewport({ scale: 1 }).width;
      const viewport = pdfPage.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      paper.style.setProperty("--total-scale-factor", String(scale));
      const drawing = pdfPage.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      textLayerDiv.replaceChildren();
      const textLayer = new pdfjs.TextLayer({
        textContentSource: pdfPage.streamTextContent(),
        container: textLayerDiv,
        viewport,
      });
      stop = () => {
        drawing.cancel();
        textLayer.cancel();
      };
      await Promise.all([drawing.promise, textLayer.render()]);
      if (cancelled) return;
      const hits = quote ? spansCoveringQuote(textLayer.textContentItemsStr, quote) : [];
      for (const index of hits) {
        const span = textLayer.textDivs[index];
        span?.classList.add("cf-highlight");
        span?.setAttribute("data-testid", "pdf-highlight");
      }
      textLayer.textDivs[hits[0] ?? -1]?.scrollIntoView({ block: "center", inline: "nearest" });
      const ocrBoxes =
        quote && hits.length === 0 ? await ocrBoxesCoveringQuote(documentId, page, quote) : [];
      if (cancelled) return;
      setRendered({ state: "ready", found: hits.length > 0 || ocrBoxes.length > 0, ocrBoxes });
    })().catch((error: unknown) => {
      if (cancelled) return;
      const message = error instanceof Error ? error.message : String(error);
      setRendered({ state: "error", message });
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [documentId, page, quote, zoom]);

  return (
    <Box>
      {rendered.state === "error" ? (
        <Notice severity="error">
          We couldn't show page {page} of the original file. {rendered.message}
        </Notice>
      ) : null}
      {rendered.state === "ready" && rendered.ocrBoxes.length > 0 ? (
        <Typography variant="body2" sx={{ color: "text.secondary", mb: 1 }}>
          This page is a scan: the highlight marks the words text recognition read there.
        </Typography>
      ) : null}
      {rendered.state === "ready" && quote && !rendered.found ? (
        <Typography variant="body2" sx={{ color: "text.secondary", mb: 1 }}>
          The quoted words could not be located on this page's text; they are shown below.
        </Typography>
      ) : null}
      <Box sx={{ display: "flex", justifyContent: "flex-end", mb: 1 }}>
        <Button
          size="small"
          startIcon={zoom === 1 ? <ZoomInIcon /> : <ZoomOutIcon />}
          onClick={() => setZoom(zoom === 1 ? 2 : 1)}
          data-testid="pdf-zoom"
        >
          {zoom === 1 ? "Zoom in" : "Fit width"}
        </Button>
      </Box>
      <Box
        ref={frame}
        sx={{ width: "100%", overflow: "auto", border: 1, borderColor: "divider", bgcolor: "#fff" }}
      >
        <Box
          ref={sheet}
          data-testid="pdf-page"
          data-state={rendered.state}
          data-zoom={zoom}
          sx={{
            position: "relative",
            width: rendered.state === "loading" ? "100%" : "max-content",
            "--scale-round-x": "1px",
            "--scale-round-y": "1px",
            "& canvas": { display: rendered.state === "loading" ? "none" : "block" },
            "& .textLayer": {
              position: "absolute",
              inset: 0,
              overflow: "clip",
              lineHeight: 1,
              textAlign: "initial",
              transformOrigin: "0 0",
              zIndex: 0,
              "--min-font-size": 1,
              "--text-scale-factor": "calc(var(--total-scale-factor) * var(--min-font-size))",
              "--min-font-size-inv": "calc(1 / var(--min-font-size))",
            },
            "& .textLayer span, & .textLayer br": {
              color: "transparent",
              position: "absolute",
              whiteSpace: "pre",
              cursor: "text",
              transformOrigin: "0% 0%",
            },
            "& .textLayer > :not(.markedContent), & .textLayer .markedContent span:not(.markedContent)":
              {
                zIndex: 1,
                "--font-height": 0,
                fontSize: "calc(var(--text-scale-factor) * var(--font-height))",
                "--scale-x": 1,
                "--rotate": "0deg",
                transform:
                  "rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv))",
              },
            "& .textLayer .markedContent": { display: "contents" },
            "& .textLayer ::selection": { background: "rgba(0, 0, 255, 0.25)" },
            "& .textLayer .cf-highlight": {
              backgroundColor: "rgba(255, 193, 7, 0.45)",
              borderRadius: "2px",
            },
          }}
        >
          {rendered.state === "loading" ? (
            <Skeleton
              variant="rectangular"
              height={480}
              role="status"
              aria-label={`Loading page ${page}`}
            />
          ) : null}
          <canvas ref={canvasRef} aria-label={`Page ${page} of the contract`} role="img" />
          <div ref={textRef} className="textLayer" />
          {rendered.state === "ready"
            ? rendered.ocrBoxes.map((word, index) => (
                <Box
                  // Boxes are fractions of the page, so they fit the canvas at any zoom.
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list drawn once per render
                  key={index}
                  ref={index === 0 ? scrollIntoViewOnce : undefined}
                  aria-hidden
                  data-testid="pdf-highlight"
                  sx={{
                    position: "absolute",
                    left: `${word.left * 100}%`,
                    top: `${word.top * 100}%`,
                    width: `${word.width * 100}%`,
                    height: `${word.height * 100}%`,
                    backgroundColor: "rgba(255, 193, 7, 0.45)",
                    borderRadius: "2px",
                    pointerEvents: "none",
                    zIndex: 1,
                  }}
                />
              ))
            : null}
        </Box>
      </Box>
    </Box>
  );
}
