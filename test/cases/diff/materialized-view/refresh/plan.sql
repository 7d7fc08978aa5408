-- hazard LONG_LOCK: runs the query of public.sales_by_region and blocks reads of it until it finishes
REFRESH MATERIALIZED VIEW "public"."sales_by_region";
