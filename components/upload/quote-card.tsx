"use client";

import CloseIcon from "@mui/icons-material/Close";
import DescriptionIcon from "@mui/icons-material/Description";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Divider from "@mui/material/Divider";
import IconButton from "@mui/material/IconButton";
import LinearProgress from "@mui/material/LinearProgress";
import Link from "@mui/material/Link";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import { type ReactNode, useState } from "react";
import { type ConfirmFlags, insufficientMessage } from "@/components/analyses/confirm";
import type { AnalysisView } from "@/components/api-types";
import { MoreCreditsHint } from "@/components/credits/more-credits-hint";
import { FactGrid } from "@/components/fact";
import { formatBytes, formatCredits, formatDocumentKind, formatNumber } from "@/components/format";
import { Notice } from "@/components/notice";
import { spaceBetweenRow } from "@/components/query-state";
import { LiveAnalysisStatus } from "@/components/upload/live-analysis-status";
import { hasEarlierAnalysis, QuoteGuardNotices } from "@/components/upload/quote-guards";
import type { UploadItem } from "@/components/upload/upload-state";

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography
        component="dt"
        variant="caption"
        sx={{ color: "text.secondary", display: "block", fontWeight: 500 }}
      >
        {label}
      </Typography>
      <Typography
        component="dd"
        variant="body1"
        sx={{ m: 0, fontWeight: 600, fontVariantNumeric: "tabular-nums" }}
      >
        {value}
      </Typography>
    </Box>
  );
}

export function QuoteCard({
  item,
  liveAvailable,
  wordsPerPage,
  onConfirm,
  onRemove,
  onRetryUpload,
  onFinished,
}: {
  item: UploadItem;
  /** The current balance if known (it moves as other cards are confirmed). */
  liveAvailable: number | null;
  wordsPerPage: number;
  /** With the flags the user chose explicitly ("Analyze again", "Analyze anyway"). */
  onConfirm: (flags: ConfirmFlags) => void;
  onRemove: () => void;
  onRetryUpload: () => void;
  /** The confirmed analysis ended while the page watched. */
  onFinished: (analysis: AnalysisView) => void;
}) {
  const { phase, result } = item;
  const quote = result?.quote ?? null;
  const doc = result?.document ?? null;
  const available = liveAvailable ?? quote?.availableCredits ?? 0;
  const price = quote?.priceCredits ?? 0;
  const sufficient = quote ? available >= price : true;
  const missing = Math.max(0, price - available);
  const titleId = `upload-${item.localId}-title`;
  const canRemove = phase === "upload-error" || phase === "quoted" || phase === "queued";
  const [acknowledged, setAcknowledged] = useState(false);
  const rerun = quote ? hasEarlierAnalysis(quote) : false;
  const needsAcknowledgement = quote?.warning === "not_a_contract" && !acknowledged;

  return (
    <Card
      component="section"
      aria-labelledby={titleId}
      aria-busy={phase === "uploading" || phase === "confirming"}
      data-testid={quote ? "quote-card" : "upload-card"}
      data-state={phase}
      sx={{
        borderColor:
          phase === "upload-error"
            ? "error.light"
            : phase === "queued"
              ? "success.light"
              : undefined,
      }}
    >
      <CardContent sx={{ p: { xs: 2, sm: 2.5 }, "&:last-child": { pb: { xs: 2, sm: 2.5 } } }}>
        <Box sx={{ display: "flex", alignItems: "flex-start", gap: 1.5 }}>
          <DescriptionIcon aria-hidden sx={{ color: "text.secondary", mt: 0.25 }} />
          <Box sx={{ minWidth: 0, flexGrow: 1 }}>
            <Typography
              id={titleId}
              variant="subtitle1"
              component="h3"
              title={doc?.filename ?? item.fileName}
              sx={{
                fontWeight: 600,
                overflow: "hidden",
                textOverflow: "ellipsis",
                whiteSpace: "nowrap",
              }}
              data-testid="quote-filename"
            >
              {doc?.filename ?? item.fileName}
            </Typography>
            <Typography variant="body2" sx={{ color: "text.secondary" }}>
              {doc ? `${formatDocumentKind(doc.kind)} · ` : ""}
              {formatBytes(doc?.sizeBytes ?? item.fileSize)}
            </Typography>
          </Box>
          {canRemove ? (
            <Tooltip title="Remove from this list">
              <IconButton
                size="small"
                onClick={onRemove}
                aria-label={`Remove ${item.fileName} from this list`}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          ) : null}
        </Box>

        {phase === "uploading" ? (
          <Box sx={{ mt: 2 }} role="status">
            <LinearProgress aria-label={`Uploading ${item.fileName}`} />
            <Typography variant="body2" sx={{ color: "text.secondary", mt: 1 }}>
              Uploading and counting pages…
            </Typography>
          </Box>
        ) : null}

        {phase === "upload-error" ? (
          <Notice
            severity="error"
            sx={{ mt: 2 }}
            data-testid="upload-error"
            onRetry={item.retryable && item.file ? onRetryUpload : undefined}
          >
            {item.uploadError}
          </Notice>
        ) : null}

        {quote && doc ? (
          <>
            <FactGrid sx={{ mt: 2.5 }}>
              <Fact label="Type" value={formatDocumentKind(doc.kind)} />
              <Fact label="Pages" value={formatNumber(quote.pages)} />
              <Fact label="Words" value={formatNumber(quote.words)} />
              <Fact
                label="Price"
                value={<span data-testid="quote-price">{formatCredits(price)}</span>}
              />
            </FactGrid>
            {doc.kind !== "pdf" ? (
              <Typography
                variant="caption"
                sx={{ color: "text.secondary", display: "block", mt: 1 }}
              >
                Files without pages are counted as one page per {formatNumber(wordsPerPage)} words.
              </Typography>
            ) : null}
            {quote.scannedPages > 0 ? (
              <Typography
                variant="body2"
                sx={{ color: "text.secondary", mt: 1 }}
                data-testid="quote-ocr"
              >
                {quote.scannedPages === quote.pages
                  ? `All ${formatNumber(quote.pages)} pages are scans`
                  : `${formatNumber(quote.scannedPages)} of ${formatNumber(quote.pages)} pages are scans`}{" "}
                and will be read by OCR (text recognition): each scanned page is billed as{" "}
                {formatNumber(quote.ocrMultiplier)} pages. Quotes and page references come from the
                recognised text, which can contain reading errors.
              </Typography>
            ) : null}
            {quote.unreadScans ? (
              <Notice
                severity="warning"
                title="Some pages will not be read"
                sx={{ mt: 1.5 }}
                data-testid="quote-unread-scans"
              >
                {quote.unreadScans.message}
              </Notice>
            ) : null}

            <Divider sx={{ my: 2 }} />

            {phase === "queued" && item.analysis ? (
              <LiveAnalysisStatus confirmed={item.analysis} onFinished={onFinished} />
            ) : (
              <>
                {quote.duplicateOf || quote.inProgress || quote.warning ? (
                  <QuoteGuardNotices
                    quote={quote}
                    acknowledged={acknowledged}
                    onAcknowledgedChange={setAcknowledged}
                  />
                ) : null}
                <Box
                  sx={{
                    ...spaceBetweenRow,
                    gap: 1.5,
                  }}
                >
                  <Typography variant="body2" sx={{ color: "text.secondary" }}>
                    Your balance: <strong>{formatCredits(available)}</strong>
                    {sufficient ? (
                      <Box component="span" sx={{ color: "success.main", ml: 1, fontWeight: 600 }}>
                        · Enough credits
                      </Box>
                    ) : null}
                  </Typography>
                  <Button
                    // With a free memo on offer, paying again is the secondary choice.
                    variant={rerun ? "outlined" : "contained"}
                    onClick={() =>
                      onConfirm({
                        ...(rerun ? { rerun: true } : {}),
                        ...(quote.warning && acknowledged ? { acknowledgeWarning: true } : {}),
                      })
                    }
                    loading={phase === "confirming"}
                    disabled={phase === "confirming" || needsAcknowledgement}
                    data-testid="confirm-analysis"
                  >
                    {rerun ? "Analyze again" : "Confirm & analyze"} ({formatCredits(price)})
                  </Button>
                </Box>

                {!sufficient && item.confirmFailure?.kind !== "insufficient" ? (
                  <Notice severity="warning" sx={{ mt: 2 }} data-testid="insufficient-credits">
                    {insufficientMessage(missing)} This analysis costs {formatCredits(price)}; you
                    have {formatCredits(available)} available.
                    <MoreCreditsHint />
                  </Notice>
                ) : null}

                {item.confirmFailure ? (
                  <Notice
                    severity={item.confirmFailure.kind === "insufficient" ? "warning" : "error"}
                    sx={{ mt: 2 }}
                    data-testid={
                      item.confirmFailure.kind === "insufficient"
                        ? "insufficient-credits"
                        : "confirm-error"
                    }
                  >
                    {item.confirmFailure.message}
                    {item.confirmFailure.kind === "insufficient" ? <MoreCreditsHint /> : null}
                    {item.confirmFailure.kind === "rejected" ? (
                      <>
                        {" "}
                        <Link component={NextLink} href="/analyses" color="inherit">
                          See My analyses
                        </Link>
                      </>
                    ) : null}
                  </Notice>
                ) : null}

                <Typography
                  variant="caption"
                  sx={{ color: "text.secondary", display: "block", mt: 1.5 }}
                >
                  Fixed price. Nothing is charged unless the analysis succeeds.
                </Typography>
              </>
            )}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
