/**
 * The baseline's worker process for `bench:pipeline`: a plain BullMQ Worker whose processor
 * returns at once. Arguments: redis URL, key prefix, queue name, concurrency. Prints `ready`.
 */
import { Worker } from "bullmq";
import { Redis } from "ioredis";

const [redisUrl, prefix, queueName, concurrency] = process.argv.slice(2);
if (!redisUrl || !prefix || !queueName || !concurrency) {
  throw new Error("usage: raw-bullmq-worker REDIS_URL PREFIX QUEUE CONCURRENCY");
}
const worker = new Worker(queueName, async () => "ok", {
  connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
  prefix,
  concurrency: Number(concurrency),
});
await worker.waitUntilReady();
console.log('{"msg":"ready"}');
process.on("SIGTERM", () => {
  void worker.close().then(() => process.exit(0));
});
