import type { Metadata } from "next";
import { AdminUsersTable } from "@/components/admin/admin-users-table";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Users"
        description="Every account with its credit balance, newest first. Open a user for their full credit history."
      />
      <AdminUsersTable />
    </>
  );
}
