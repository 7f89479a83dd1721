CREATE TABLE "meeting_rooms_attendees" (
	"booking_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "meeting_rooms_attendees_booking_id_person_id_pk" PRIMARY KEY("booking_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_rooms_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"department_id" uuid,
	"title" text NOT NULL,
	"during" "tstzrange" NOT NULL,
	"status" text NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"cancelled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_rooms_bookings_status_valid" CHECK ("meeting_rooms_bookings"."status" IN ('pending','booked','checked_in','cancelled','rejected','released')),
	CONSTRAINT "meeting_rooms_bookings_bounded" CHECK (NOT isempty("meeting_rooms_bookings"."during") AND NOT lower_inf("meeting_rooms_bookings"."during") AND NOT upper_inf("meeting_rooms_bookings"."during"))
);
--> statement-breakpoint
CREATE TABLE "meeting_rooms_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"during" "tstzrange" NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_rooms_closures_bounded" CHECK (NOT isempty("meeting_rooms_closures"."during") AND NOT lower_inf("meeting_rooms_closures"."during") AND NOT upper_inf("meeting_rooms_closures"."during"))
);
--> statement-breakpoint
CREATE TABLE "meeting_rooms_guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"company" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_rooms_rooms" (
	"room_id" uuid PRIMARY KEY NOT NULL,
	"capacity" integer NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"open_from_minute" integer NOT NULL,
	"open_until_minute" integer NOT NULL,
	"max_duration_minutes" integer NOT NULL,
	"max_days_ahead" integer NOT NULL,
	"min_notice_minutes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_rooms_rooms_capacity_positive" CHECK ("meeting_rooms_rooms"."capacity" > 0),
	CONSTRAINT "meeting_rooms_rooms_open_hours" CHECK (0 <= "meeting_rooms_rooms"."open_from_minute" AND "meeting_rooms_rooms"."open_from_minute" < "meeting_rooms_rooms"."open_until_minute" AND "meeting_rooms_rooms"."open_until_minute" <= 1440),
	CONSTRAINT "meeting_rooms_rooms_limits" CHECK ("meeting_rooms_rooms"."max_duration_minutes" > 0 AND "meeting_rooms_rooms"."max_days_ahead" >= 0 AND "meeting_rooms_rooms"."min_notice_minutes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "meeting_rooms_attendees" ADD CONSTRAINT "meeting_rooms_attendees_booking_id_meeting_rooms_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_rooms_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_attendees" ADD CONSTRAINT "meeting_rooms_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD CONSTRAINT "meeting_rooms_bookings_room_id_meeting_rooms_rooms_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."meeting_rooms_rooms"("room_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD CONSTRAINT "meeting_rooms_bookings_organizer_id_people_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD CONSTRAINT "meeting_rooms_bookings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings" ADD CONSTRAINT "meeting_rooms_bookings_cancelled_by_people_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_closures" ADD CONSTRAINT "meeting_rooms_closures_room_id_meeting_rooms_rooms_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."meeting_rooms_rooms"("room_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_closures" ADD CONSTRAINT "meeting_rooms_closures_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_guests" ADD CONSTRAINT "meeting_rooms_guests_booking_id_meeting_rooms_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_rooms_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_rooms" ADD CONSTRAINT "meeting_rooms_rooms_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_rooms_attendees_person_idx" ON "meeting_rooms_attendees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meeting_rooms_bookings_organizer_idx" ON "meeting_rooms_bookings" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "meeting_rooms_closures_room_idx" ON "meeting_rooms_closures" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "meeting_rooms_guests_booking_idx" ON "meeting_rooms_guests" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "meeting_rooms_guests_phone_idx" ON "meeting_rooms_guests" USING btree ("phone_hash");