CREATE TABLE public.events (
  id bigint NOT NULL,
  region text NOT NULL,
  at date NOT NULL,
  total numeric DEFAULT 0 NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (id, region, at)
) PARTITION BY LIST (region);
CREATE TABLE public.events_eu PARTITION OF public.events FOR VALUES IN ('de', 'fr') PARTITION BY RANGE (at);
CREATE TABLE public.events_eu_2024 PARTITION OF public.events_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_eu_2025 PARTITION OF public.events_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.events_us PARTITION OF public.events FOR VALUES IN ('us');
CREATE INDEX events_total_idx ON public.events (total);
CREATE TABLE public.events_jp PARTITION OF public.events FOR VALUES IN ('jp');
-- Its partitions' indexes are named after the columns: events_eu_total_idx is taken, so events_eu_total_idx1.
CREATE INDEX events_total_desc ON public.events (total DESC);
CREATE INDEX events_recent ON public.events (at, lower(region)) WHERE total > 0;
