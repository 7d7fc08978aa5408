CREATE TABLE public.measurements (taken date NOT NULL, payload jsonb, device int) PARTITION BY RANGE (taken);
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
