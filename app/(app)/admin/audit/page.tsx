import type { Metadata } from "next";
import { AuditLogTable } from "@/components/admin/audit-log-table";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AdminAuditPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every admin action — retries, cancellations, credit changes, account changes — with who did it and why, newest first."
      />
      <AuditLogTable />
    </>
  );
}
