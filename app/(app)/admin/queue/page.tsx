import type { Metadata } from "next";
import { QueueHealthPanel } from "@/components/admin/queue-health";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Queue · Admin" };

export default async function AdminQueuePage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Queue"
        description="Redis and BullMQ counts, what Postgres says is waiting, throughput and the workers' heartbeats. Refreshes every few seconds."
      />
      <QueueHealthPanel />
    </>
  );
}
