import Chip from "@mui/material/Chip";
import type { AdminUser } from "@/components/api-types";

// Rendered as spans so they can sit inside text (a page description is a <p>).

export function RoleChip({ role }: { role: AdminUser["role"] }) {
  return role === "admin" ? (
    <Chip
      component="span"
      size="small"
      color="secondary"
      label="Admin"
      sx={{ fontWeight: 600 }}
      data-testid="user-role"
      data-role={role}
    />
  ) : (
    <Chip
      component="span"
      size="small"
      variant="outlined"
      label="User"
      data-testid="user-role"
      data-role={role}
    />
  );
}

export function DisabledChip() {
  return (
    <Chip
      component="span"
      size="small"
      color="error"
      variant="outlined"
      label="Disabled"
      title="This account can't sign in"
      data-testid="user-disabled"
    />
  );
}
