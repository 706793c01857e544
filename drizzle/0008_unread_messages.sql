CREATE TABLE "unread_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"role" "role" NOT NULL,
	"channel" "channel" NOT NULL,
	"outcome" text NOT NULL,
	"label" text,
	"labelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "unread_messages_at_idx" ON "unread_messages" USING btree ("at");