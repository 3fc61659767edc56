"use client";

import CloseIcon from "@mui/icons-material/Close";
import Alert, { type AlertProps } from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Button from "@mui/material/Button";
import IconButton from "@mui/material/IconButton";
import Snackbar from "@mui/material/Snackbar";
import type { SxProps, Theme } from "@mui/material/styles";
import type { ReactNode } from "react";

export type NoticeSeverity = "success" | "info" | "warning" | "error";

type NoticeProps = {
  severity: NoticeSeverity;
  /** A bold first line (outcomes: "Memo ready", "The analysis failed"). */
  title?: ReactNode;
  children: ReactNode;
  /** A button or link at the end (e.g. "Upload again"); placed before the retry and dismiss. */
  action?: ReactNode;
  /** Adds a "Try again" button. */
  onRetry?: () => void;
  /** Adds a close (×) button labelled "Dismiss". */
  onDismiss?: () => void;
  variant?: AlertProps["variant"];
  /** Replaces the severity's default icon. */
  icon?: ReactNode;
  sx?: SxProps<Theme>;
  id?: string;
  "data-testid"?: string;
};

/**
 * The one way the app tells the user how something went: success, information, a warning or an
 * error, optionally with a title, an action, "Try again" and a dismiss button. Errors are
 * announced to screen readers (MUI's Alert has `role="alert"`).
 */
export function Notice({
  severity,
  title,
  children,
  action,
  onRetry,
  onDismiss,
  variant = "standard",
  icon,
  sx,
  id,
  "data-testid": testId,
}: NoticeProps) {
  const hasActions = action !== undefined || onRetry !== undefined || onDismiss !== undefined;
  return (
    <Alert
      id={id}
      severity={severity}
      variant={variant}
      icon={icon}
      sx={sx}
      data-testid={testId}
      action={
        hasActions ? (
          <>
            {action}
            {onRetry ? (
              <Button color="inherit" size="small" onClick={onRetry}>
                Try again
              </Button>
            ) : null}
            {onDismiss ? (
              <IconButton size="small" color="inherit" aria-label="Dismiss" onClick={onDismiss}>
                <CloseIcon fontSize="small" />
              </IconButton>
            ) : null}
          </>
        ) : undefined
      }
    >
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      {children}
    </Alert>
  );
}

/** A notice shown for a while at the bottom of the screen (outlives the dialog that caused it). */
export type ToastNotice = { severity: NoticeSeverity; message: ReactNode; action?: ReactNode };

/**
 * A `Notice` in a snackbar. Errors stay until dismissed; the others hide after `autoHideMs`.
 * A click elsewhere does not close it: the user might not have read it yet.
 */
export function NoticeToast({
  notice,
  onClose,
  autoHideMs,
  "data-testid": testId,
}: {
  notice: ToastNotice | null;
  onClose: () => void;
  autoHideMs: number;
  "data-testid"?: string;
}) {
  return (
    <Snackbar
      open={notice !== null}
      onClose={(_event, reason) => {
        if (reason !== "clickaway") onClose();
      }}
      autoHideDuration={notice?.severity === "error" ? null : autoHideMs}
      anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
    >
      {notice ? (
        // The transition sets a ref and style on its child: a plain element takes both.
        <div>
          <Notice
            severity={notice.severity}
            variant="filled"
            action={notice.action}
            onDismiss={onClose}
            data-testid={testId}
            sx={{ alignItems: "center", maxWidth: 560 }}
          >
            {notice.message}
          </Notice>
        </div>
      ) : undefined}
    </Snackbar>
  );
}
