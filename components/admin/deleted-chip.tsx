import Chip from "@mui/material/Chip";

/** Marks a tombstone in admin views: its owner deleted it, its content is gone. */
export function DeletedChip({ deletedAt }: { deletedAt: string | null }) {
  if (!deletedAt) return null;
  return (
    <Chip
      label="Deleted"
      size="small"
      variant="outlined"
      title={`Deleted by its owner ${new Date(deletedAt).toLocaleString()}; its content is gone.`}
      sx={{ ml: 1 }}
      data-testid="deleted-chip"
    />
  );
}
