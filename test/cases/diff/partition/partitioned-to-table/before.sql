CREATE TABLE public.events (
  id bigint NOT NULL,
  happened_on date NOT NULL,
  kind text DEFAULT 'note' NOT NULL,
  PRIMARY KEY (id, happened_on)
) PARTITION BY RANGE (happened_on);
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX events_kind_idx ON public.events (kind);
CREATE STATISTICS public.events_kind_day (dependencies) ON kind, happened_on FROM public.events;
