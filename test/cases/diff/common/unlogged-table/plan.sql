-- hazard REWRITES_TABLE: making public.t unlogged rewrites it under an exclusive lock; it has no online form: copy the rows into a new table and swap the two
ALTER TABLE "public"."t" SET UNLOGGED;
