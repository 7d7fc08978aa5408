ALTER TABLE "public"."events" RESET ("autovacuum_enabled");

ALTER TABLE "public"."events" SET ("autovacuum_analyze_scale_factor" = '0.005', "autovacuum_vacuum_scale_factor" = '0.01', "fillfactor" = '80', "toast"."autovacuum_enabled" = 'false');
