CREATE TABLE "contract_terms" (
	"analysis_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"result_version" integer NOT NULL,
	"title" text,
	"contract_type" text,
	"counterparty" text,
	"parties" text[] DEFAULT '{}'::text[] NOT NULL,
	"effective_date" date,
	"expiration_date" date,
	"expiration_estimated" boolean DEFAULT false NOT NULL,
	"perpetual" boolean DEFAULT false NOT NULL,
	"auto_renews" boolean,
	"renewal_term" text,
	"notice_period" text,
	"governing_law" text,
	"risk_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"high_risk_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "quote_warning" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "calendar_token_hash" text;--> statement-breakpoint
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_terms_user_idx" ON "contract_terms" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "contract_terms_user_expiration_idx" ON "contract_terms" USING btree ("user_id","expiration_date");--> statement-breakpoint
CREATE INDEX "documents_user_sha256_idx" ON "documents" USING btree ("user_id","sha256");--> statement-breakpoint
CREATE INDEX "mail_outbox_user_idx" ON "mail_outbox" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_calendar_token_key" ON "users" USING btree ("calendar_token_hash");