DROP TYPE "public"."span";
