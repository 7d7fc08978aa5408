CREATE TABLE public.events (
  id bigint NOT NULL,
  region text NOT NULL,
  at date NOT NULL,
  ref text NOT NULL,
  total numeric DEFAULT 0 NOT NULL
) PARTITION BY LIST (region);
CREATE TABLE public.events_eu PARTITION OF public.events FOR VALUES IN ('de', 'fr') PARTITION BY RANGE (at);
CREATE TABLE public.events_eu_2024 PARTITION OF public.events_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_eu_2025 PARTITION OF public.events_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.events_us PARTITION OF public.events FOR VALUES IN ('us');
-- Holds the name the us partition's key index would take first: PostgreSQL moves on to _key1.
CREATE TABLE public.events_us_ref_region_at_key (id int);
