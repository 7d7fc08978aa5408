CREATE TABLE public.readings (taken date NOT NULL, sensor int) PARTITION BY RANGE (taken);
ALTER TABLE public.readings ALTER COLUMN sensor SET (n_distinct_inherited = 500);
CREATE TABLE public.readings_2024 PARTITION OF public.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.readings_2025 PARTITION OF public.readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE public.readings_2025 ALTER COLUMN sensor SET (n_distinct = 60);
