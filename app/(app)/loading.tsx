import Box from "@mui/material/Box";
import LinearProgress from "@mui/material/LinearProgress";

export default function AppLoading() {
  return (
    <Box sx={{ py: 6 }} role="status" aria-label="Loading">
      <LinearProgress sx={{ maxWidth: 240, mx: "auto" }} />
    </Box>
  );
}
