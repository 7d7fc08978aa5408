CREATE TABLE public.readings (taken date NOT NULL, sensor int) PARTITION BY RANGE (taken);
CREATE TABLE public.readings_2024 PARTITION OF public.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE public.readings_2024 ALTER COLUMN sensor SET (n_distinct = 40);
