CREATE TABLE public.tickets (
  id bigint NOT NULL,
  opened_on date NOT NULL,
  title text
) PARTITION BY RANGE (opened_on);
CREATE TABLE public.tickets_2025 PARTITION OF public.tickets FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
