-- Hand-written: drizzle cannot express exclusion constraints. btree_gist lets gist compare room_id with `=`;
-- PGlite registers the extension when the instance is created (platform/db/client.ts), PostgreSQL ships it
-- in contrib. Only bookings that hold their slot (pending approval, booked, checked in) exclude each other.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "meeting_rooms_bookings"
  ADD CONSTRAINT "meeting_rooms_bookings_no_overlap"
  EXCLUDE USING gist ("room_id" WITH =, "during" WITH &&)
  WHERE ("status" IN ('pending', 'booked', 'checked_in'));
