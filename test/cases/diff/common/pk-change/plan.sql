ALTER TABLE "public"."t" DROP CONSTRAINT "t_pkey";

CREATE UNIQUE INDEX CONCURRENTLY "t_pkey" ON "public"."t" USING "btree" ("code");

ALTER TABLE "public"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY USING INDEX "t_pkey";
