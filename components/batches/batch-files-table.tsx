import Box from "@mui/material/Box";
import Link from "@mui/material/Link";
import type { SxProps, Theme } from "@mui/material/styles";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import NextLink from "next/link";
import type { BatchView } from "@/components/api-types";
import { formatCredits, formatNumber } from "@/components/format";
import { StatusChip } from "@/components/status-chip";

// On a phone the four columns overflowed the screen: pages are left to the analysis page there.
const hideOnPhone: SxProps<Theme> = { display: { xs: "none", sm: "table-cell" } };

/** Each contract of a batch: a link to its analysis, its status, price, and why it failed. */
export function BatchFilesTable({ batch }: { batch: BatchView }) {
  return (
    <Table
      size="small"
      aria-label="Contracts in this batch"
      sx={{ "& .MuiTableCell-root": { px: { xs: 1, sm: 2 } } }}
    >
      <TableHead>
        <TableRow>
          <TableCell>Contract</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right" sx={hideOnPhone}>
            Pages
          </TableCell>
          <TableCell align="right">Price</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {batch.files.map((file) => (
          <TableRow key={file.analysisId} data-testid="batch-file" data-status={file.status}>
            <TableCell sx={{ overflowWrap: "anywhere" }}>
              {/* Bold like My analyses' names: with no underline until hover, plain text hid
                  that each contract opens its analysis (a phone has no hover). */}
              <Link
                component={NextLink}
                href={`/analyses/${file.analysisId}`}
                sx={{ fontWeight: 600 }}
              >
                {file.documentName}
              </Link>
              {file.errorMessage && file.status === "failed" ? (
                <Typography variant="body2" sx={{ color: "error.main", mt: 0.5 }}>
                  {file.errorMessage}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>
              <Box sx={{ display: "flex", alignItems: "center", gap: 1 }}>
                <StatusChip status={file.status} />
                {file.status === "running" ? (
                  <Typography variant="caption" sx={{ color: "text.secondary" }}>
                    {file.percent}%
                  </Typography>
                ) : null}
              </Box>
            </TableCell>
            <TableCell align="right" sx={hideOnPhone}>
              {formatNumber(file.pages)}
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
              {formatCredits(file.priceCredits)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
