import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import { Brand } from "@/components/brand";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <Box
      component="main"
      sx={{
        minHeight: "100dvh",
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        justifyContent: "center",
        px: 2,
        py: { xs: 4, sm: 8 },
        background:
          "radial-gradient(1200px 500px at 50% -10%, rgba(36,59,90,0.10), transparent 70%)",
      }}
    >
      <Box sx={{ mb: 3 }}>
        <Brand size="large" />
      </Box>
      <Paper
        variant="outlined"
        sx={{ width: "100%", maxWidth: 440, p: { xs: 3, sm: 4 }, borderRadius: 3 }}
      >
        {children}
      </Paper>
      <Typography
        variant="body2"
        sx={{ color: "text.secondary", mt: 3, textAlign: "center", maxWidth: 440 }}
      >
        Contract review memos, priced up front. You're only charged when an analysis succeeds.
      </Typography>
    </Box>
  );
}
