CREATE TYPE "public"."agency_kind" AS ENUM('province', 'department', 'commune', 'ward', 'center');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('telegram', 'zalo', 'web', 'cli');--> statement-breakpoint
CREATE TYPE "public"."history_kind" AS ENUM('update', 'explanation_request', 'explanation');--> statement-breakpoint
CREATE TYPE "public"."item_status" AS ENUM('not_started', 'in_progress', 'done', 'blocked');--> statement-breakpoint
CREATE TYPE "public"."lang" AS ENUM('vi', 'en');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed', 'unreachable');--> statement-breakpoint
CREATE TYPE "public"."reminder_kind" AS ENUM('assignee', 'agency_digest', 'leader_digest', 'escalation');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('leader', 'staff', 'admin');--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "agency_kind" NOT NULL,
	"parent_id" integer,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"head_person_id" integer,
	CONSTRAINT "agencies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_id" integer,
	"actor" text NOT NULL,
	"channel" "channel",
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_code" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "bot_messages" (
	"channel" "channel" NOT NULL,
	"chat_id" text NOT NULL,
	"message_id" text NOT NULL,
	"item_code" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_messages_channel_chat_id_message_id_pk" PRIMARY KEY("channel","chat_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "chat_accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"channel" "channel" NOT NULL,
	"external_user_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"channel" "channel" NOT NULL,
	"chat_id" text NOT NULL,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_channel_chat_id_pk" PRIMARY KEY("channel","chat_id")
);
--> statement-breakpoint
CREATE TABLE "explanation_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_code" text NOT NULL,
	"requested_by_id" integer NOT NULL,
	"asked_person_id" integer,
	"requested_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answer" text,
	"requester_notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" integer,
	"target_id" integer,
	"kind" "history_kind" DEFAULT 'update' NOT NULL,
	"person_id" integer,
	"at" timestamp with time zone NOT NULL,
	"progress" smallint,
	"status" "item_status",
	"note" text,
	"channel" "channel",
	"message_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "history_one_item" CHECK (("history"."task_id" is null) <> ("history"."target_id" is null)),
	CONSTRAINT "history_progress_range" CHECK ("history"."progress" is null or "history"."progress" between 0 and 100),
	CONSTRAINT "history_note_length" CHECK ("history"."note" is null or length("history"."note") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_seen" (
	"channel" "channel" NOT NULL,
	"key" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_seen_channel_key_pk" PRIMARY KEY("channel","key")
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_account_id" integer,
	CONSTRAINT "invites_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"person_id" integer,
	"channel" "channel" NOT NULL,
	"chat_id" text NOT NULL,
	"kind" "reminder_kind" NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"external_message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"role" "role" NOT NULL,
	"agency_id" integer NOT NULL,
	"title_vi" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"lang" "lang" DEFAULT 'vi' NOT NULL,
	"telegram_username" text,
	"zalo_user_id" text,
	"preferred_channel" "channel",
	"unreachable_since" timestamp with time zone,
	CONSTRAINT "people_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "programs_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "reminder_cycles" (
	"name" text PRIMARY KEY NOT NULL,
	"last_slot" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer,
	"rules" jsonb NOT NULL,
	CONSTRAINT "reminder_rules_program_id_unique" UNIQUE("program_id")
);
--> statement-breakpoint
CREATE TABLE "snoozes" (
	"person_id" integer NOT NULL,
	"item_code" text NOT NULL,
	"until" date NOT NULL,
	CONSTRAINT "snoozes_person_id_item_code_pk" PRIMARY KEY("person_id","item_code")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"program_id" integer NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"lead_agency_id" integer NOT NULL,
	"unit" text,
	"target_value" numeric DEFAULT 1 NOT NULL,
	"current_value" numeric DEFAULT 0 NOT NULL,
	"start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"status" "item_status" DEFAULT 'not_started' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_code_unique" UNIQUE("code"),
	CONSTRAINT "targets_progress_range" CHECK ("targets"."progress" between 0 and 100),
	CONSTRAINT "targets_code_upper" CHECK ("targets"."code" = upper("targets"."code")),
	CONSTRAINT "targets_dates" CHECK ("targets"."start_date" <= "targets"."due_date")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"target_id" integer NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"agency_id" integer NOT NULL,
	"assignee_id" integer,
	"start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"status" "item_status" DEFAULT 'not_started' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_code_unique" UNIQUE("code"),
	CONSTRAINT "tasks_progress_range" CHECK ("tasks"."progress" between 0 and 100),
	CONSTRAINT "tasks_done_is_100" CHECK (("tasks"."status" = 'done') = ("tasks"."progress" = 100)),
	CONSTRAINT "tasks_code_upper" CHECK ("tasks"."code" = upper("tasks"."code")),
	CONSTRAINT "tasks_dates" CHECK ("tasks"."start_date" <= "tasks"."due_date")
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_head_person_id_people_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_accounts" ADD CONSTRAINT "chat_accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "explanation_requests" ADD CONSTRAINT "explanation_requests_requested_by_id_people_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "explanation_requests" ADD CONSTRAINT "explanation_requests_asked_person_id_people_id_fk" FOREIGN KEY ("asked_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history" ADD CONSTRAINT "history_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history" ADD CONSTRAINT "history_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history" ADD CONSTRAINT "history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_used_by_account_id_chat_accounts_id_fk" FOREIGN KEY ("used_by_account_id") REFERENCES "public"."chat_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_rules" ADD CONSTRAINT "reminder_rules_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snoozes" ADD CONSTRAINT "snoozes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_lead_agency_id_agencies_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_people_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_code");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_accounts_channel_user_uq" ON "chat_accounts" USING btree ("channel","external_user_id");--> statement-breakpoint
CREATE INDEX "chat_accounts_person_idx" ON "chat_accounts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "explanations_asked_idx" ON "explanation_requests" USING btree ("asked_person_id") WHERE "explanation_requests"."answered_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "explanations_open_uq" ON "explanation_requests" USING btree ("item_code","requested_by_id") WHERE "explanation_requests"."answered_at" is null;--> statement-breakpoint
CREATE INDEX "history_task_at_idx" ON "history" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "history_target_at_idx" ON "history" USING btree ("target_id","at");--> statement-breakpoint
CREATE INDEX "history_person_at_idx" ON "history" USING btree ("person_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "history_message_uq" ON "history" USING btree ("channel","message_id","kind");--> statement-breakpoint
CREATE INDEX "invites_person_idx" ON "invites" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_key_channel_uq" ON "outbox" USING btree ("idempotency_key","channel");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "people_agency_idx" ON "people" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "targets_open_due_idx" ON "targets" USING btree ("program_id","due_date") WHERE "targets"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "targets_agency_idx" ON "targets" USING btree ("lead_agency_id");--> statement-breakpoint
CREATE INDEX "tasks_open_due_idx" ON "tasks" USING btree ("due_date") WHERE "tasks"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "tasks_open_agency_due_idx" ON "tasks" USING btree ("agency_id","due_date") WHERE "tasks"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "tasks_open_assignee_idx" ON "tasks" USING btree ("assignee_id","due_date") WHERE "tasks"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "tasks_target_idx" ON "tasks" USING btree ("target_id");