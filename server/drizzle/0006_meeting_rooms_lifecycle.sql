ALTER TABLE "meeting_rooms_bookings" DROP CONSTRAINT "meeting_rooms_bookings_status_valid";--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD COLUMN "approval_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD CONSTRAINT "meeting_rooms_bookings_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Bookings made before approval deadlines existed wait for a decision until they start.
UPDATE "meeting_rooms_bookings" SET "approval_deadline" = lower("during") WHERE "status" = 'pending';--> statement-breakpoint
CREATE INDEX "meeting_rooms_bookings_status_idx" ON "meeting_rooms_bookings" USING btree ("status");--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD CONSTRAINT "meeting_rooms_bookings_deadline_when_pending" CHECK ("meeting_rooms_bookings"."status" <> 'pending' OR "meeting_rooms_bookings"."approval_deadline" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD CONSTRAINT "meeting_rooms_bookings_status_valid" CHECK ("meeting_rooms_bookings"."status" IN ('pending','booked','checked_in','cancelled','rejected','expired','released'));