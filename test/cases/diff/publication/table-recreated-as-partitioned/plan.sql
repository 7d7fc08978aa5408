-- hazard DELETES_DATA: drops table public.messages and all its rows
DROP TABLE "public"."messages";

CREATE TABLE "public"."messages" (
  "id" bigint NOT NULL,
  "sent_at" date NOT NULL,
  "body" text,
  CONSTRAINT "messages_pkey" PRIMARY KEY ("id", "sent_at")
) PARTITION BY RANGE (sent_at);

CREATE TABLE "public"."messages_2025" PARTITION OF "public"."messages" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

ALTER PUBLICATION "chat" ADD TABLE "public"."messages" ("id", "sent_at", "body");
