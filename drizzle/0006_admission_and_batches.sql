ALTER TYPE "public"."admin_action_kind" ADD VALUE 'set_user_active_limit';--> statement-breakpoint
CREATE TABLE "batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirm_key" text
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "admitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "max_active_analyses" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_admitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "worker_heartbeats" ADD COLUMN "concurrency" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batches_user_created_idx" ON "batches" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analyses_active_user_idx" ON "analyses" USING btree ("user_id","confirmed_at") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "analyses_batch_idx" ON "analyses" USING btree ("batch_id");--> statement-breakpoint
-- Analyses already queued or running when this migration runs are in the queue already: they
-- keep their place, admitted as of their confirm.
UPDATE "analyses" SET "admitted_at" = coalesce("confirmed_at", now()) WHERE "status" IN ('queued', 'running');
