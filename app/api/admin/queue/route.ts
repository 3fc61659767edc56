import { NextResponse } from "next/server";
import { getQueueHealth } from "@/lib/analyses/get-queue-health";
import { withAdmin } from "@/lib/http/json-route";

/** Queue health for the admin console (polled): counts, throughput, durations, workers. */
export const GET = withAdmin("/api/admin/queue", async () =>
  NextResponse.json(await getQueueHealth()),
);
