CREATE TABLE "building_entrances" (
	"building_id" uuid NOT NULL,
	"gate_id" uuid NOT NULL,
	CONSTRAINT "building_entrances_building_id_gate_id_pk" PRIMARY KEY("building_id","gate_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_rooms_service_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"service" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_rooms_service_tasks_once" UNIQUE("booking_id","service"),
	CONSTRAINT "meeting_rooms_service_tasks_service_valid" CHECK ("meeting_rooms_service_tasks"."service" IN ('tea','water','av','name_cards')),
	CONSTRAINT "meeting_rooms_service_tasks_status_valid" CHECK ("meeting_rooms_service_tasks"."status" IN ('open','accepted','done','cancelled')),
	CONSTRAINT "meeting_rooms_service_tasks_accepted" CHECK ("meeting_rooms_service_tasks"."status" NOT IN ('accepted','done') OR "meeting_rooms_service_tasks"."accepted_by" IS NOT NULL),
	CONSTRAINT "meeting_rooms_service_tasks_done_at" CHECK (("meeting_rooms_service_tasks"."status" = 'done') = ("meeting_rooms_service_tasks"."done_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "visitors_visits" DROP CONSTRAINT "visitors_visits_origin_valid";--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD COLUMN "meeting_guest_id" uuid;--> statement-breakpoint
ALTER TABLE "building_entrances" ADD CONSTRAINT "building_entrances_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_entrances" ADD CONSTRAINT "building_entrances_gate_id_gates_id_fk" FOREIGN KEY ("gate_id") REFERENCES "public"."gates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_service_tasks" ADD CONSTRAINT "meeting_rooms_service_tasks_booking_id_meeting_rooms_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."meeting_rooms_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rooms_service_tasks" ADD CONSTRAINT "meeting_rooms_service_tasks_accepted_by_people_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD CONSTRAINT "visitors_visits_meeting_guest_id_meeting_rooms_guests_id_fk" FOREIGN KEY ("meeting_guest_id") REFERENCES "public"."meeting_rooms_guests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD CONSTRAINT "visitors_visits_one_per_meeting_guest" UNIQUE("meeting_guest_id");--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD CONSTRAINT "visitors_visits_meeting_iff_origin" CHECK (("visitors_visits"."origin" = 'meeting') = ("visitors_visits"."meeting_guest_id" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD CONSTRAINT "visitors_visits_origin_valid" CHECK ("visitors_visits"."origin" IN ('invitation','request','walk_in','meeting'));