import Box from "@mui/material/Box";
import Container from "@mui/material/Container";
import type { ReactNode } from "react";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { AppHeader } from "@/components/app-shell/app-header";
import { SkipLink } from "@/components/app-shell/skip-link";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <Box sx={{ minHeight: "100dvh", display: "flex", flexDirection: "column" }}>
      <SkipLink />
      <AppHeader user={{ email: user.email, name: user.name, role: user.role }} />
      <Container
        component="main"
        id="main"
        tabIndex={-1}
        maxWidth="lg"
        sx={{ flexGrow: 1, py: { xs: 3, md: 5 }, outline: "none" }}
      >
        {user.emailVerified ? null : (
          <VerifyEmailBanner email={user.email} grantCredits={env.SIGNUP_GRANT_CREDITS} />
        )}
        {children}
      </Container>
    </Box>
  );
}
