ALTER TABLE "meeting_rooms_series" ADD COLUMN "no_shows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_rooms_series" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_rooms_series" ADD COLUMN "auto_cancelled_at" timestamp with time zone;