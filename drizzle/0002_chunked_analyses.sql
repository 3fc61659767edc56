CREATE TYPE "public"."analysis_chunk_status" AS ENUM('pending', 'running', 'done');--> statement-breakpoint
CREATE TABLE "analysis_chunks" (
	"analysis_id" uuid NOT NULL,
	"chunk_index" integer NOT NULL,
	"first_page" integer NOT NULL,
	"last_page" integer NOT NULL,
	"owned_pages" integer NOT NULL,
	"status" "analysis_chunk_status" DEFAULT 'pending' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"worker_id" text,
	"findings" jsonb,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "analysis_chunks_analysis_id_chunk_index_pk" PRIMARY KEY("analysis_id","chunk_index")
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "pages_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "pages_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "identification" jsonb;--> statement-breakpoint
ALTER TABLE "analysis_chunks" ADD CONSTRAINT "analysis_chunks_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;