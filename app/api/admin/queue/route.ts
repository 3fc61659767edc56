import { NextResponse } from "next/server";
import { withAdmin } from "@/lib/http/json-route";
import { getQueueHealth } from "@/lib/jobs/get-queue-health";

/** Queue health for the admin console (polled): counts, throughput, durations, workers. */
export const GET = withAdmin("/api/admin/queue", async () =>
  NextResponse.json(await getQueueHealth()),
);
