import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";

/** One section of the account page: a titled card (its heading labels it for screen readers). */
export function AccountCard({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={`${id}-title`}
      data-testid={`${id}-card`}
      sx={{ p: { xs: 2.5, sm: 3 } }}
    >
      <Stack spacing={2}>
        <div>
          <Typography id={`${id}-title`} variant="h6" component="h2">
            {title}
          </Typography>
          {description ? (
            <Typography variant="body2" sx={{ color: "text.secondary", mt: 0.5 }}>
              {description}
            </Typography>
          ) : null}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
