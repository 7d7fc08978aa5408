CREATE TABLE "public"."slots" (
  "id" integer NOT NULL,
  CONSTRAINT "slots_pkey" PRIMARY KEY ("id") DEFERRABLE
);
