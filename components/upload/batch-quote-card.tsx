"use client";

import CloseIcon from "@mui/icons-material/Close";
import FolderZipIcon from "@mui/icons-material/FolderZip";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Divider from "@mui/material/Divider";
import IconButton from "@mui/material/IconButton";
import LinearProgress from "@mui/material/LinearProgress";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useRouter } from "next/navigation";
import type { BatchView } from "@/components/api-types";
import { BatchConfirm } from "@/components/batches/batch-confirm";
import { BatchProblems } from "@/components/batches/batch-problems";
import { Fact, FactGrid } from "@/components/fact";
import { formatCredits, formatNumber, pluralize } from "@/components/format";
import { Notice } from "@/components/notice";

/** A bulk upload on the upload page: sending, refused, or quoted as one batch. */
export type BatchUpload = {
  localId: string;
  label: string;
  phase: "uploading" | "failed" | "quoted";
  batch: BatchView | null;
  error: string | null;
  /** The send failed in a way that may pass (network, rate limit, busy server): offer a retry. */
  retryable: boolean;
};

function QuotedFiles({ batch }: { batch: BatchView }) {
  if (batch.files.length === 0) return null;
  return (
    <Table size="small" aria-label="Contracts in this batch" sx={{ mt: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>Contract</TableCell>
          <TableCell align="right">Pages</TableCell>
          <TableCell align="right">Price</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {batch.files.map((file) => (
          <TableRow key={file.analysisId} data-testid="batch-file">
            {/* Wrapped, not cut: a contract's PDF and .txt twin differ only at the end. */}
            <TableCell sx={{ overflowWrap: "anywhere" }}>{file.documentName}</TableCell>
            <TableCell align="right">{formatNumber(file.pages)}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
              {formatCredits(file.priceCredits)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One card for a whole batch: the total, a row per contract, the files left out, one button. */
export function BatchQuoteCard({
  upload,
  onRetry,
  onRemove,
}: {
  upload: BatchUpload;
  onRetry: () => void;
  onRemove: () => void;
}) {
  const router = useRouter();
  const { batch } = upload;
  const titleId = `batch-${upload.localId}-title`;
  const pages = batch?.files.reduce((sum, f) => sum + f.pages, 0) ?? 0;
  return (
    <Card
      component="section"
      aria-labelledby={titleId}
      aria-busy={upload.phase === "uploading"}
      data-testid="batch-card"
      data-state={upload.phase}
    >
      <CardContent sx={{ p: { xs: 2, sm: 2.5 }, "&:last-child": { pb: { xs: 2, sm: 2.5 } } }}>
        <Box sx={{ display: "flex", alignItems: "flex-start", gap: 1.5 }}>
          <FolderZipIcon aria-hidden sx={{ color: "text.secondary", mt: 0.25 }} />
          <Box sx={{ minWidth: 0, flexGrow: 1 }}>
            <Typography id={titleId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              Batch: {batch?.name ?? upload.label}
            </Typography>
          </Box>
          {upload.phase !== "uploading" ? (
            <IconButton
              size="small"
              onClick={onRemove}
              aria-label="Remove this batch from the list"
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          ) : null}
        </Box>

        {upload.phase === "uploading" ? (
          <Box sx={{ mt: 2 }} role="status">
            <LinearProgress aria-label={`Uploading ${upload.label}`} />
            <Typography variant="body2" sx={{ color: "text.secondary", mt: 1 }}>
              Uploading and counting pages of every contract…
            </Typography>
          </Box>
        ) : null}

        {upload.phase === "failed" ? (
          <Notice
            severity="error"
            sx={{ mt: 2 }}
            data-testid="batch-upload-error"
            onRetry={upload.retryable ? onRetry : undefined}
          >
            {upload.error}
          </Notice>
        ) : null}

        {batch ? (
          <>
            <FactGrid sx={{ mt: 2.5 }}>
              <Fact label="Contracts">{formatNumber(batch.files.length)}</Fact>
              <Fact label="Pages">{formatNumber(pages)}</Fact>
              <Fact label="Left out">{formatNumber(batch.problems.length)}</Fact>
              <Fact label="Total">
                <span data-testid="batch-total">{formatCredits(batch.totalCredits)}</span>
              </Fact>
            </FactGrid>
            <QuotedFiles batch={batch} />
            <BatchProblems problems={batch.problems} />
            <Divider sx={{ my: 2 }} />
            {batch.files.length === 0 ? (
              <Notice severity="warning">
                None of these {pluralize(batch.problems.length, "file")} can be analyzed (see the
                reasons above). Nothing was charged.
              </Notice>
            ) : (
              <BatchConfirm
                batch={batch}
                onConfirmed={(confirmed) => router.push(`/batches/${confirmed.id}`)}
              />
            )}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
