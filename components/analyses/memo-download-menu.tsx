"use client";

import ArrowDropDownIcon from "@mui/icons-material/ArrowDropDown";
import DownloadIcon from "@mui/icons-material/Download";
import Button from "@mui/material/Button";
import ButtonGroup from "@mui/material/ButtonGroup";
import ListItemText from "@mui/material/ListItemText";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import { useId, useRef, useState } from "react";
import {
  MEMO_FORMAT_INFO,
  MEMO_FORMATS,
  type MemoFormat,
} from "@/lib/analysis/export/memo-formats";

const FORMAT_HINTS: Record<MemoFormat, string> = {
  md: "Plain text with tables, for wikis and tickets",
  docx: "To edit and comment on in Word",
  pdf: "To read, print or file",
};

export function memoDownloadHref(analysisId: string, format: MemoFormat): string {
  const path = `/api/analyses/${encodeURIComponent(analysisId)}/memo`;
  return format === "md" ? path : `${path}?format=${format}`;
}

/**
 * A split button: one click for the Markdown memo (as before), the arrow for Word and PDF.
 * Plain links with `download`, so the browser saves the file the server names.
 */
export function MemoDownloadMenu({ analysisId }: { analysisId: string }) {
  const group = useRef<HTMLDivElement>(null);
  // The menu opens under the whole group, so it lines up with the buttons.
  const [anchorEl, setAnchorEl] = useState<HTMLElement | null>(null);
  const open = anchorEl !== null;
  const close = () => setAnchorEl(null);
  const menuId = useId();

  return (
    <>
      <ButtonGroup variant="outlined" ref={group} aria-label="Download the memo">
        <Button
          component="a"
          href={memoDownloadHref(analysisId, "md")}
          download
          startIcon={<DownloadIcon />}
          data-testid="download-memo"
        >
          Download Markdown
        </Button>
        <Button
          size="small"
          aria-label="Other formats: Word or PDF"
          aria-haspopup="menu"
          aria-controls={open ? menuId : undefined}
          aria-expanded={open ? "true" : undefined}
          onClick={() => setAnchorEl(open ? null : group.current)}
          data-testid="download-memo-formats"
        >
          <ArrowDropDownIcon />
        </Button>
      </ButtonGroup>
      <Menu
        id={menuId}
        anchorEl={anchorEl}
        open={open}
        onClose={close}
        anchorOrigin={{ vertical: "bottom", horizontal: "right" }}
        transformOrigin={{ vertical: "top", horizontal: "right" }}
      >
        {MEMO_FORMATS.map((format) => (
          <MenuItem
            key={format}
            component="a"
            href={memoDownloadHref(analysisId, format)}
            download
            onClick={close}
            data-testid={`download-memo-${format}`}
          >
            <ListItemText
              primary={MEMO_FORMAT_INFO[format].label}
              secondary={FORMAT_HINTS[format]}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
