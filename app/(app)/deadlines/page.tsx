import type { Metadata } from "next";
import { DeadlinesView } from "@/components/deadlines/deadlines-view";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Deadlines" };

export default function DeadlinesPage() {
  return (
    <>
      <PageHeader
        title="Deadlines"
        description="Notice deadlines and contract ends from your analyzed contracts, so nothing renews by surprise."
      />
      <DeadlinesView />
    </>
  );
}
