import { AppRouterCacheProvider } from "@mui/material-nextjs/v16-appRouter";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { env } from "@/lib/env";

const description = "Upload a contract, get a fixed quote in credits, and receive a review memo.";
const socialCard = {
  url: "/brand/social-card.png",
  width: 1200,
  height: 630,
  alt: "Clauseflow: upload a contract, receive a review memo.",
};

/**
 * Icons and the social card are static files in public/ (rendered by
 * scripts/render-brand-assets.ts). Social cards need absolute URLs: `metadataBase` is the site's
 * public URL, read when the server starts, like HSTS.
 */
export const metadata: Metadata = {
  ...(env.NEXTAUTH_URL ? { metadataBase: new URL(env.NEXTAUTH_URL) } : {}),
  title: { default: "Clauseflow", template: "%s — Clauseflow" },
  description,
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/brand/icon.svg", type: "image/svg+xml" },
      { url: "/brand/icon-192.png", type: "image/png", sizes: "192x192" },
      { url: "/brand/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
    apple: { url: "/brand/apple-touch-icon.png", sizes: "180x180" },
  },
  openGraph: {
    type: "website",
    siteName: "Clauseflow",
    title: "Clauseflow",
    description,
    images: [socialCard],
  },
  twitter: { card: "summary_large_image", title: "Clauseflow", description, images: [socialCard] },
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
