ALTER TYPE "public"."color" RENAME VALUE 'grean' TO 'green';

ALTER TYPE "public"."color" ADD VALUE 'black' AFTER 'blue';

ALTER TABLE "public"."things" ALTER COLUMN "color" SET DEFAULT 'green'::public.color;
