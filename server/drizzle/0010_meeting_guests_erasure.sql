ALTER TABLE "meeting_rooms_guests" ALTER COLUMN "phone_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_rooms_guests" ALTER COLUMN "phone_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_rooms_guests" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_rooms_guests" ADD CONSTRAINT "meeting_rooms_guests_phone_until_erased" CHECK (("meeting_rooms_guests"."erased_at" IS NULL) = ("meeting_rooms_guests"."phone_enc" IS NOT NULL AND "meeting_rooms_guests"."phone_hash" IS NOT NULL));