import { NextResponse } from "next/server";
import { z } from "zod";
import { getBatchView } from "@/lib/batches/get-batch";
import { withUser } from "@/lib/http/json-route";

/** My batch: its contracts with their statuses, the files left out, and the counts. */
export const GET = withUser<{ id: string }>("/api/batches/[id]", async ({ user, params }) => {
  const batchId = z.string().uuid().parse(params.id);
  const batch = await getBatchView({ userId: user.id, batchId });
  return NextResponse.json({ batch }, { headers: { "cache-control": "private, no-store" } });
});
