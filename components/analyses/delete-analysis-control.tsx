"use client";

import DeleteOutlineIcon from "@mui/icons-material/DeleteOutlineOutlined";
import MoreVertIcon from "@mui/icons-material/MoreVert";
import Button from "@mui/material/Button";
import IconButton from "@mui/material/IconButton";
import ListItemIcon from "@mui/material/ListItemIcon";
import ListItemText from "@mui/material/ListItemText";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import { useId, useState } from "react";
import { DeleteAnalysisDialog } from "@/components/analyses/delete-analysis-dialog";
import { useDeleteAnalysis } from "@/components/analyses/use-delete-analysis";
import type { AnalysisView } from "@/components/api-types";
import { errorMessage } from "@/components/fetch-json";

function useDeleteFlow(analysis: AnalysisView) {
  const [open, setOpen] = useState(false);
  const mutation = useDeleteAnalysis();
  const dialog = (
    <DeleteAnalysisDialog
      open={open}
      analysis={analysis}
      pending={mutation.isPending || mutation.isSuccess}
      error={mutation.error ? errorMessage(mutation.error) : null}
      onClose={() => {
        setOpen(false);
        mutation.reset();
      }}
      onConfirm={() => mutation.mutate(analysis.id)}
    />
  );
  return { openDialog: () => setOpen(true), dialog };
}

/** "Delete" on the analysis page. */
export function DeleteAnalysisButton({ analysis }: { analysis: AnalysisView }) {
  const flow = useDeleteFlow(analysis);
  return (
    <>
      <Button
        color="error"
        size="small"
        startIcon={<DeleteOutlineIcon />}
        onClick={flow.openDialog}
        data-testid="delete-analysis"
      >
        Delete
      </Button>
      {flow.dialog}
    </>
  );
}

/** The row menu of "My analyses": more actions on one analysis (today: delete). */
export function AnalysisRowMenu({ analysis }: { analysis: AnalysisView }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const flow = useDeleteFlow(analysis);
  return (
    <>
      <IconButton
        size="small"
        aria-label={`More actions for ${analysis.documentName}`}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? "true" : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        data-testid="analysis-row-menu"
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            flow.openDialog();
          }}
          data-testid="analysis-row-delete"
        >
          <ListItemIcon>
            <DeleteOutlineIcon fontSize="small" color="error" />
          </ListItemIcon>
          <ListItemText>Delete…</ListItemText>
        </MenuItem>
      </Menu>
      {flow.dialog}
    </>
  );
}
