ALTER TYPE "public"."color" RENAME TO "color_pgform_old";

CREATE TYPE "public"."color" AS ENUM ('red', 'blue');

ALTER TABLE "public"."paint" ALTER COLUMN "color" DROP DEFAULT;

-- hazard DELETES_DATA: values 'green' leave public.color: rows of public.paint.color holding them fail the conversion
ALTER TABLE "public"."paint" ALTER COLUMN "color" TYPE public.color USING "color"::text::public.color;

DROP TYPE "public"."color_pgform_old";
