ALTER TABLE "public"."logs" RESET ("autovacuum_vacuum_threshold", "fillfactor");
