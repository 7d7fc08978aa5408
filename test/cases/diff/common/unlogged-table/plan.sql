-- hazard REWRITES_TABLE: making public.t unlogged rewrites it under an exclusive lock
ALTER TABLE "public"."t" SET UNLOGGED;
