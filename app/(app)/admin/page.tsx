import type { Metadata } from "next";
import { AdminAnalysesTable } from "@/components/admin/admin-analyses-table";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Job history"
        description="Every analysis across all users, newest first. Refreshes every few seconds."
      />
      <AdminAnalysesTable />
    </>
  );
}
