-- hazard DELETES_DATA: drops table public.t and all its rows
DROP TABLE "public"."t";

CREATE SCHEMA "app";

CREATE TABLE "app"."t" (
  "id" integer NOT NULL,
  CONSTRAINT "t_pkey" PRIMARY KEY ("id")
);
