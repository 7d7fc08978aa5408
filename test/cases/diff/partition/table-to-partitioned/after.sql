CREATE TABLE public.logs (id bigint NOT NULL, at date NOT NULL, line text) PARTITION BY RANGE (at);
CREATE TABLE public.logs_2024 PARTITION OF public.logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.log_notes (log_id bigint NOT NULL, at date NOT NULL);
