import type { Metadata } from "next";
import { AdminLedgerCheck } from "@/components/admin/admin-ledger-check";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Ledger · Admin" };

export default async function AdminLedgerPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Ledger"
        description="Recomputes every balance from the credit entries and checks each ledger invariant. Read-only; may take a moment on a large database."
      />
      <AdminLedgerCheck />
    </>
  );
}
