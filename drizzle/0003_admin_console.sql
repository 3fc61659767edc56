CREATE TYPE "public"."admin_action_kind" AS ENUM('retry_analysis', 'cancel_analysis', 'grant_credits', 'adjust_credits', 'disable_user', 'enable_user');--> statement-breakpoint
CREATE TABLE "admin_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid NOT NULL,
	"kind" "admin_action_kind" NOT NULL,
	"target_user_id" uuid,
	"analysis_id" uuid,
	"reason" text NOT NULL,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "error_detail" text;--> statement-breakpoint
ALTER TABLE "admin_actions" ADD CONSTRAINT "admin_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_actions" ADD CONSTRAINT "admin_actions_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_actions" ADD CONSTRAINT "admin_actions_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_actions_created_idx" ON "admin_actions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "admin_actions_target_user_idx" ON "admin_actions" USING btree ("target_user_id","id");--> statement-breakpoint
CREATE INDEX "admin_actions_analysis_idx" ON "admin_actions" USING btree ("analysis_id","id");--> statement-breakpoint
CREATE INDEX "analyses_finished_idx" ON "analyses" USING btree ("finished_at");--> statement-breakpoint
-- The audit log is append-only, like the credit ledger: refuse any UPDATE or DELETE.
CREATE OR REPLACE FUNCTION admin_actions_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'admin_actions is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER admin_actions_no_update_or_delete
  BEFORE UPDATE OR DELETE ON admin_actions
  FOR EACH ROW EXECUTE FUNCTION admin_actions_append_only();
