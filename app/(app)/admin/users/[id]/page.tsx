import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminUserDetail } from "@/components/admin/admin-user-detail";
import { activeLimitOf } from "@/lib/admission/active-limit";
import { getUserSummary } from "@/lib/auth/get-user-summary";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "User · Admin" };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await getUserSummary(id);
  if (!user) notFound();
  // USER_MAX_ACTIVE, as it applies to a user without a limit of their own (null: no limit).
  const defaultActiveLimit = activeLimitOf({ maxActiveAnalyses: null });
  return <AdminUserDetail key={user.id} user={user} defaultActiveLimit={defaultActiveLimit} />;
}
