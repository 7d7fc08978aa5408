-- hazard LONG_LOCK: attaching public.orders_us scans its rows against the bound (and a default partition of public.orders) under lock
ALTER TABLE "public"."orders" ATTACH PARTITION "public"."orders_us" FOR VALUES IN ('us');
