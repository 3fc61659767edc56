import type { Metadata } from "next";
import { CreditsOverview } from "@/components/credits/credits-overview";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Credits" };

export default function CreditsPage() {
  return (
    <>
      <PageHeader
        title="Credits"
        description="Your balance and every movement on it. You're only charged for memos that are delivered."
      />
      <CreditsOverview />
    </>
  );
}
