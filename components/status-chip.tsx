"use client";

import AutorenewIcon from "@mui/icons-material/Autorenew";
import BlockIcon from "@mui/icons-material/Block";
import CheckCircleIcon from "@mui/icons-material/CheckCircle";
import ErrorOutlineIcon from "@mui/icons-material/ErrorOutlineRounded";
import EventBusyIcon from "@mui/icons-material/EventBusy";
import HourglassEmptyIcon from "@mui/icons-material/HourglassEmpty";
import ScheduleIcon from "@mui/icons-material/Schedule";
import Chip, { type ChipProps } from "@mui/material/Chip";
import type { ReactElement } from "react";
import { type AnalysisStatus, STATUS_LABELS } from "@/lib/analyses/analysis-status";

type StatusStyle = {
  label: string;
  description: string;
  color: NonNullable<ChipProps["color"]>;
  variant: "filled" | "outlined";
  icon: ReactElement;
};

const STATUS_STYLES: Record<AnalysisStatus, StatusStyle> = {
  quoted: {
    label: STATUS_LABELS.quoted,
    description: "Quoted — confirm to start the analysis",
    color: "warning",
    variant: "outlined",
    icon: <HourglassEmptyIcon />,
  },
  queued: {
    label: STATUS_LABELS.queued,
    description: "Waiting for a worker",
    color: "info",
    variant: "outlined",
    icon: <ScheduleIcon />,
  },
  running: {
    label: STATUS_LABELS.running,
    description: "Being analyzed",
    color: "primary",
    variant: "filled",
    icon: <AutorenewIcon />,
  },
  succeeded: {
    label: STATUS_LABELS.succeeded,
    description: "Memo ready",
    color: "success",
    variant: "filled",
    icon: <CheckCircleIcon />,
  },
  failed: {
    label: STATUS_LABELS.failed,
    description: "Failed — nothing was charged",
    color: "error",
    variant: "filled",
    icon: <ErrorOutlineIcon />,
  },
  cancelled: {
    label: STATUS_LABELS.cancelled,
    description: "Cancelled — credits released",
    color: "default",
    variant: "outlined",
    icon: <BlockIcon />,
  },
  expired: {
    label: STATUS_LABELS.expired,
    description: "Quote expired before it was confirmed",
    color: "default",
    variant: "outlined",
    icon: <EventBusyIcon />,
  },
};

type Props = {
  status: AnalysisStatus;
  /** Shown instead of the label while a cancel is pending. */
  cancelling?: boolean;
  size?: "small" | "medium";
  "data-testid"?: string;
};

/** Status badge; carries `data-status` with the raw status for tests and styling. */
export function StatusChip({ status, cancelling = false, size = "small", ...rest }: Props) {
  const style = STATUS_STYLES[status];
  const label =
    cancelling && (status === "queued" || status === "running") ? "Cancelling…" : style.label;
  return (
    <Chip
      data-testid={rest["data-testid"]}
      data-status={status}
      size={size}
      label={label}
      color={style.color}
      variant={style.variant}
      icon={style.icon}
      title={style.description}
      sx={{
        fontWeight: 600,
        "& .MuiChip-icon":
          status === "running" ? { animation: "cf-spin 2.4s linear infinite" } : {},
        "@keyframes cf-spin": { to: { transform: "rotate(360deg)" } },
        "@media (prefers-reduced-motion: reduce)": { "& .MuiChip-icon": { animation: "none" } },
      }}
    />
  );
}
