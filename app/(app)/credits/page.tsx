import type { Metadata } from "next";
import { CreditsOverview } from "@/components/credits/credits-overview";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Credits" };

/** `?purchase=success|cancelled`: where Stripe Checkout sends the user back to. */
export default async function CreditsPage({
  searchParams,
}: {
  searchParams: Promise<{ purchase?: string | string[] }>;
}) {
  const { purchase } = await searchParams;
  const returned = purchase === "success" || purchase === "cancelled" ? purchase : undefined;
  return (
    <>
      <PageHeader
        title="Credits"
        description="Your balance, buying more, and every movement on it. You're only charged for memos that are delivered."
      />
      <CreditsOverview purchase={returned} />
    </>
  );
}
