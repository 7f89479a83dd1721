CREATE TABLE "visitors_gate_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"gate_id" uuid NOT NULL,
	"secret_enc" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visitors_gate_devices_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "visitors_passages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"gate_id" uuid NOT NULL,
	"device_id" uuid,
	"guard_id" uuid,
	"direction" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"person_id" uuid,
	"display" text NOT NULL,
	CONSTRAINT "visitors_passages_direction_valid" CHECK ("visitors_passages"."direction" IN ('in','out')),
	CONSTRAINT "visitors_passages_decision_valid" CHECK ("visitors_passages"."decision" IN ('allow','deny')),
	CONSTRAINT "visitors_passages_one_source" CHECK (("visitors_passages"."device_id" IS NULL) <> ("visitors_passages"."guard_id" IS NULL)),
	CONSTRAINT "visitors_passages_reason_iff_deny" CHECK (("visitors_passages"."decision" = 'deny') = ("visitors_passages"."reason" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "visitors_gate_devices" ADD CONSTRAINT "visitors_gate_devices_gate_id_gates_id_fk" FOREIGN KEY ("gate_id") REFERENCES "public"."gates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_passages" ADD CONSTRAINT "visitors_passages_gate_id_gates_id_fk" FOREIGN KEY ("gate_id") REFERENCES "public"."gates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_passages" ADD CONSTRAINT "visitors_passages_device_id_visitors_gate_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."visitors_gate_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_passages" ADD CONSTRAINT "visitors_passages_guard_id_people_id_fk" FOREIGN KEY ("guard_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors_passages" ADD CONSTRAINT "visitors_passages_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visitors_passages_gate_at_idx" ON "visitors_passages" USING btree ("gate_id","at");