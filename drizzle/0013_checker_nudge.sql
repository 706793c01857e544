ALTER TYPE "public"."reminder_kind" ADD VALUE 'checker_nudge';
