ALTER MATERIALIZED VIEW "public"."sales_total" SET ("autovacuum_enabled" = 'false', "fillfactor" = '60');
