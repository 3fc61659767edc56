"use client";

import CloudUploadIcon from "@mui/icons-material/CloudUpload";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { alpha } from "@mui/material/styles";
import Typography from "@mui/material/Typography";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { formatBytes } from "@/components/format";
import { ACCEPT_ATTRIBUTE, ACCEPTED_LABEL } from "@/components/upload/accepted-types";
import { collectDroppedFiles } from "@/components/upload/collect-dropped-files";

/** What was picked: files, and whether they came as a folder (a folder is always a batch). */
export type PickedFiles = { files: File[]; fromFolder: boolean };

/** Not in React's input attributes: the non-standard (but universal) folder picker. */
const FOLDER_PICKER = { webkitdirectory: "", directory: "" };

function hasFiles(event: DragEvent<HTMLElement>): boolean {
  return Array.from(event.dataTransfer.types).includes("Files");
}

/**
 * Drag-and-drop target (files or whole folders) plus real "Choose files" and "Choose a folder"
 * buttons (keyboard and screen-reader path). The file inputs themselves are hidden; tests drive
 * them through `data-testid="upload-input"` and `data-testid="folder-input"`.
 */
export function DropZone({
  onFiles,
  maxBytes,
}: {
  onFiles: (picked: PickedFiles) => void;
  maxBytes: number;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const depth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

  // A file dropped beside the zone would make the browser open it and lose the page: swallow it.
  useEffect(() => {
    const prevent = (e: globalThis.DragEvent) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", prevent);
    window.addEventListener("drop", prevent);
    return () => {
      window.removeEventListener("dragover", prevent);
      window.removeEventListener("drop", prevent);
    };
  }, []);

  const onDragEnter = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragOver = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  };
  const onDragLeave = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    depth.current = 0;
    setDragging(false);
    void collectDroppedFiles(e.dataTransfer).then(({ files, hadFolder }) => {
      if (files.length > 0) onFiles({ files, fromFolder: hadFolder });
    });
  };
  const onPicked = (input: HTMLInputElement, fromFolder: boolean) => {
    const files = Array.from(input.files ?? []).filter((f) => !f.name.startsWith("."));
    // Reset so choosing the same file again still fires `change`.
    input.value = "";
    if (files.length > 0) onFiles({ files, fromFolder });
  };

  return (
    <Box
      role="group"
      aria-label="Upload contracts"
      aria-describedby={hintId}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid="drop-zone"
      data-dragging={dragging ? "true" : undefined}
      sx={(theme) => ({
        border: "2px dashed",
        borderColor: dragging ? "primary.main" : alpha(theme.palette.primary.main, 0.28),
        borderRadius: 3,
        bgcolor: dragging ? alpha(theme.palette.primary.main, 0.06) : "background.paper",
        px: { xs: 2, sm: 4 },
        py: { xs: 4, sm: 6 },
        textAlign: "center",
        transition: theme.transitions.create(["border-color", "background-color"], {
          duration: theme.transitions.duration.shorter,
        }),
      })}
    >
      <CloudUploadIcon
        aria-hidden
        sx={{ fontSize: 44, color: dragging ? "primary.main" : "text.secondary", mb: 1 }}
      />
      <Typography variant="h6" component="p">
        {dragging ? "Drop to upload" : "Drag contracts here"}
      </Typography>
      <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5, mb: 2.5 }}>
        or
      </Typography>
      <Box sx={{ display: "flex", flexWrap: "wrap", justifyContent: "center", gap: 1.5 }}>
        <Button variant="contained" size="large" onClick={() => inputRef.current?.click()}>
          Choose files
        </Button>
        <Button variant="outlined" size="large" onClick={() => folderRef.current?.click()}>
          Choose a folder
        </Button>
      </Box>
      <Typography id={hintId} variant="body2" sx={{ color: "text.secondary", mt: 2.5 }}>
        {ACCEPTED_LABEL}. Up to {formatBytes(maxBytes)} each. Several files, a folder or a ZIP of
        contracts make one batch with one price.
      </Typography>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        hidden
        aria-label="Choose contract files"
        data-testid="upload-input"
        onChange={(e) => onPicked(e.currentTarget, false)}
      />
      <input
        ref={folderRef}
        type="file"
        {...FOLDER_PICKER}
        hidden
        aria-label="Choose a folder of contracts"
        data-testid="folder-input"
        onChange={(e) => onPicked(e.currentTarget, true)}
      />
    </Box>
  );
}
