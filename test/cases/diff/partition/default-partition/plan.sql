CREATE TABLE "public"."events_other" PARTITION OF "public"."events" DEFAULT;
