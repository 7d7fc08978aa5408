CREATE TABLE public.events (
  id bigint NOT NULL,
  created_at date NOT NULL,
  kind text NOT NULL
) PARTITION BY RANGE (created_at);
CREATE TABLE public.events_2024 (
  id bigint NOT NULL,
  created_at date NOT NULL,
  kind text NOT NULL
);
ALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
