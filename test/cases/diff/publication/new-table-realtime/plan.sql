CREATE TABLE "public"."messages" (
  "id" bigint NOT NULL,
  "body" text,
  CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "public"."messages" REPLICA IDENTITY FULL;

ALTER PUBLICATION "supabase_realtime" ADD TABLE "public"."messages";
