import { AppRouterCacheProvider } from "@mui/material-nextjs/v16-appRouter";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";

export const metadata: Metadata = {
  title: { default: "Clauseflow", template: "%s — Clauseflow" },
  description: "Upload a contract, get a fixed quote in credits, and receive a review memo.",
};

export const viewport: Viewport = {
  themeColor: "#243b5a",
  colorScheme: "light",
};

/**
 * The CSP nonce proxy.ts made for this request goes to emotion, so MUI's `<style>` elements carry
 * it (Next puts it on its own scripts). Reading the headers makes every page render per request,
 * which a nonce needs anyway.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en">
      <body>
        <AppRouterCacheProvider options={{ key: "mui", nonce }}>
          <Providers>{children}</Providers>
        </AppRouterCacheProvider>
      </body>
    </html>
  );
}
