-- hazard DELETES_DATA: drops table public.old_name and all its rows
DROP TABLE "public"."old_name";

CREATE TABLE "public"."new_name" (
  "id" integer NOT NULL,
  CONSTRAINT "new_name_pkey" PRIMARY KEY ("id")
);
