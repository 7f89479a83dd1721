CREATE TABLE "visitors_block_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_hash" text,
	"phone_masked" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"names" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "visitors_block_list_matches_something" CHECK ("visitors_block_list"."phone_hash" IS NOT NULL OR "visitors_block_list"."id_number_hash" IS NOT NULL OR cardinality("visitors_block_list"."names") > 0)
);
--> statement-breakpoint
CREATE TABLE "visitors_booking_links" (
	"host_id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"daily_cap" integer DEFAULT 3 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visitors_booking_links_code_unique" UNIQUE("code"),
	CONSTRAINT "visitors_booking_links_cap_range" CHECK ("visitors_booking_links"."daily_cap" BETWEEN 1 AND 20)
);
--> statement-breakpoint
CREATE TABLE "visitors_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"awaiting" text,
	"host_id" uuid NOT NULL,
	"department_id" uuid,
	"created_by" uuid,
	"visitor_name" text NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"id_number_enc" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"company" text,
	"plate" text,
	"purpose" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"gate_ids" uuid[] NOT NULL,
	"id_number_required" boolean DEFAULT false NOT NULL,
	"max_entries" integer DEFAULT 1 NOT NULL,
	"entries_used" integer DEFAULT 0 NOT NULL,
	"inside" boolean DEFAULT false NOT NULL,
	"privacy_accepted_at" timestamp with time zone,
	"link_token_hash" text,
	"request_expires_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_note" text,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visitors_visits_status_valid" CHECK ("visitors_visits"."status" IN ('pending','approved','rejected','cancelled','expired','checked_in','checked_out','no_show')),
	CONSTRAINT "visitors_visits_origin_valid" CHECK ("visitors_visits"."origin" IN ('invitation','request','walk_in')),
	CONSTRAINT "visitors_visits_awaiting_iff_pending" CHECK (("visitors_visits"."status" = 'pending') = ("visitors_visits"."awaiting" IS NOT NULL)),
	CONSTRAINT "visitors_visits_window_order" CHECK ("visitors_visits"."window_end" > "visitors_visits"."window_start"),
	CONSTRAINT "visitors_visits_entries_range" CHECK ("visitors_visits"."entries_used" BETWEEN 0 AND "visitors_visits"."max_entries"),
	CONSTRAINT "visitors_visits_max_entries_range" CHECK ("visitors_visits"."max_entries" BETWEEN 1 AND 10),
	CONSTRAINT "visitors_visits_inside_only_checked_in" CHECK (NOT "visitors_visits"."inside" OR "visitors_visits"."status" = 'checked_in'),
	CONSTRAINT "visitors_visits_has_gates" CHECK (cardinality("visitors_visits"."gate_ids") > 0)
);
--> statement-breakpoint
CREATE TABLE "visitors_zone_policies" (
	"gate_id" uuid PRIMARY KEY NOT NULL,
	"id_number_required" boolean DEFAULT false NOT NULL,
	"approver_required" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visitors_passages" ADD COLUMN "visit_id" uuid;--> statement-breakpoint
ALTER TABLE "visitors_passages" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "visitors_block_list" ADD CONSTRAINT "visitors_block_list_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_booking_links" ADD CONSTRAINT "visitors_booking_links_host_id_people_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD CONSTRAINT "visitors_visits_host_id_people_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD CONSTRAINT "visitors_visits_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD CONSTRAINT "visitors_visits_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_visits" ADD CONSTRAINT "visitors_visits_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_zone_policies" ADD CONSTRAINT "visitors_zone_policies_gate_id_gates_id_fk" FOREIGN KEY ("gate_id") REFERENCES "public"."gates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visitors_block_list_phone_idx" ON "visitors_block_list" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "visitors_block_list_id_idx" ON "visitors_block_list" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "visitors_visits_host_idx" ON "visitors_visits" USING btree ("host_id","window_start");--> statement-breakpoint
CREATE INDEX "visitors_visits_phone_idx" ON "visitors_visits" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "visitors_visits_link_idx" ON "visitors_visits" USING btree ("link_token_hash");--> statement-breakpoint
CREATE INDEX "visitors_visits_status_end_idx" ON "visitors_visits" USING btree ("status","window_end");--> statement-breakpoint
CREATE INDEX "visitors_visits_plate_idx" ON "visitors_visits" USING btree ("plate","window_start");--> statement-breakpoint
CREATE INDEX "visitors_visits_window_idx" ON "visitors_visits" USING btree ("window_start");--> statement-breakpoint
ALTER TABLE "visitors_passages" ADD CONSTRAINT "visitors_passages_visit_id_visitors_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visitors_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visitors_passages_visit_idx" ON "visitors_passages" USING btree ("visit_id");