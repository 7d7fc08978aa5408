CREATE TABLE public.events (
  id bigint NOT NULL,
  region text NOT NULL,
  code text NOT NULL,
  total numeric DEFAULT 0 NOT NULL
) PARTITION BY LIST (region);
CREATE TABLE public.events_us PARTITION OF public.events FOR VALUES IN ('us');
CREATE TABLE public.events_partition_for_the_united_kingdom_and_ireland_and_others PARTITION OF public.events FOR VALUES IN ('uk', 'ie');
ALTER TABLE public.events_us ADD CONSTRAINT events_us_total_idx CHECK (total >= 0);
ALTER TABLE public.events_us ADD CONSTRAINT events_us_code_region_key CHECK (code <> '');
-- Partition indexes: events_us_total_idx (the CHECK's name does not count), then
-- events_us_total_idx1; the long partition's cut to 63 bytes, then numbered.
CREATE INDEX events_total ON public.events (total);
CREATE INDEX events_total_desc ON public.events (total DESC);
-- The key's index on events_us skips the CHECK's name: events_us_code_region_key1.
ALTER TABLE public.events ADD CONSTRAINT events_code_region_key UNIQUE (code, region);
