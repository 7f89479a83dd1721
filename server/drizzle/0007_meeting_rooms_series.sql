CREATE TABLE "meeting_rooms_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"frequency" text NOT NULL,
	"weekdays" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"first_date" text NOT NULL,
	"last_date" text NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_rooms_series_frequency_valid" CHECK ("meeting_rooms_series"."frequency" IN ('daily','weekly'))
);
--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_rooms_series" ADD CONSTRAINT "meeting_rooms_series_room_id_meeting_rooms_rooms_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."meeting_rooms_rooms"("room_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_series" ADD CONSTRAINT "meeting_rooms_series_organizer_id_people_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_rooms_series_organizer_idx" ON "meeting_rooms_series" USING btree ("organizer_id");--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD CONSTRAINT "meeting_rooms_bookings_series_id_meeting_rooms_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_rooms_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_rooms_bookings_series_idx" ON "meeting_rooms_bookings" USING btree ("series_id");