ALTER TABLE "public"."events" DETACH PARTITION "public"."events_2024";

-- hazard LONG_LOCK: attaching public.events_2024 scans its rows against the bound (and a default partition of public.events) under lock
ALTER TABLE "public"."events" ATTACH PARTITION "public"."events_2024" FOR VALUES FROM ('2023-01-01') TO ('2025-01-01');
