CREATE TABLE public.events (
  id bigint NOT NULL,
  region text NOT NULL,
  code text NOT NULL,
  total numeric DEFAULT 0 NOT NULL
) PARTITION BY LIST (region);
CREATE TABLE public.events_us PARTITION OF public.events FOR VALUES IN ('us');
-- 62 bytes: every index name of this partition is cut to fit 63 bytes with its label.
CREATE TABLE public.events_partition_for_the_united_kingdom_and_ireland_and_others PARTITION OF public.events FOR VALUES IN ('uk', 'ie');
-- A constraint that is no relation: a plain index may take its name, a key's index may not.
ALTER TABLE public.events_us ADD CONSTRAINT events_us_total_idx CHECK (total >= 0);
ALTER TABLE public.events_us ADD CONSTRAINT events_us_code_region_key CHECK (code <> '');
