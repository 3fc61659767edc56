import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { serif } from "@/components/fonts";

/**
 * The Clauseflow mark + wordmark. Decorative mark; the word carries the name. The same mark is
 * public/brand/icon.svg, from which scripts/render-brand-assets.ts renders the favicon, the app
 * icons and the social card.
 */
export function Brand({ size = "medium" }: { size?: "medium" | "large" }) {
  const mark = size === "large" ? 36 : 28;
  return (
    <Box sx={{ display: "inline-flex", alignItems: "center", gap: 1.25 }}>
      <Box
        component="svg"
        viewBox="0 0 64 64"
        aria-hidden="true"
        sx={{ width: mark, height: mark, flexShrink: 0 }}
      >
        <rect width="64" height="64" rx="14" fill="#243b5a" />
        <path
          d="M20 14h17l9 9v27a2 2 0 0 1-2 2H20a2 2 0 0 1-2-2V16a2 2 0 0 1 2-2z"
          fill="#f6f5f1"
        />
        <path d="M37 14v7a2 2 0 0 0 2 2h7" fill="#c9b88f" />
        <path
          d="M24 31h16M24 37h16M24 43h10"
          stroke="#243b5a"
          strokeWidth="3"
          strokeLinecap="round"
        />
      </Box>
      <Typography
        component="span"
        sx={{
          fontFamily: serif,
          fontWeight: 600,
          fontSize: size === "large" ? "1.6rem" : "1.25rem",
          letterSpacing: "-0.01em",
          color: "text.primary",
        }}
      >
        Clauseflow
      </Typography>
    </Box>
  );
}
