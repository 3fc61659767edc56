import Box from "@mui/material/Box";

/** First focusable element: lets keyboard users jump past the navigation. */
export function SkipLink() {
  return (
    <Box
      component="a"
      href="#main"
      sx={{
        position: "absolute",
        left: 8,
        top: -48,
        zIndex: 2000,
        px: 2,
        py: 1,
        borderRadius: 1,
        bgcolor: "primary.main",
        color: "primary.contrastText",
        fontWeight: 600,
        textDecoration: "none",
        "&:focus": { top: 8 },
      }}
    >
      Skip to content
    </Box>
  );
}
