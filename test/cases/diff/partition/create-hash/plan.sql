CREATE TABLE "public"."sessions" (
  "user_id" uuid NOT NULL,
  "started_at" timestamp with time zone DEFAULT now() NOT NULL
) PARTITION BY HASH (user_id);

CREATE TABLE "public"."sessions_0" PARTITION OF "public"."sessions" FOR VALUES WITH (modulus 2, remainder 0);

CREATE TABLE "public"."sessions_1" PARTITION OF "public"."sessions" FOR VALUES WITH (modulus 2, remainder 1);
