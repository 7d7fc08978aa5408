CREATE TABLE "public"."rooms" (
  "id" bigint NOT NULL,
  "code" text NOT NULL,
  CONSTRAINT "rooms_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "rooms_code_idx" ON "public"."rooms" USING "btree" (code);

ALTER TABLE "public"."rooms" REPLICA IDENTITY USING INDEX "rooms_code_idx";
