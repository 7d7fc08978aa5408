CREATE TABLE public.measurements (taken date NOT NULL, payload jsonb, device int) PARTITION BY RANGE (taken);
ALTER TABLE public.measurements ALTER COLUMN payload SET STORAGE EXTERNAL, ALTER COLUMN device SET STATISTICS 300;
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.measurements_2025 PARTITION OF public.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
