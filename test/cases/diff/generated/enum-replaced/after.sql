CREATE TYPE public.tier AS ENUM ('basic', 'gold');
CREATE TABLE public.accounts (
  id integer PRIMARY KEY,
  spend integer NOT NULL,
  tier public.tier GENERATED ALWAYS AS (CASE WHEN spend > 100 THEN 'gold'::public.tier ELSE 'basic'::public.tier END) STORED
);
CREATE INDEX accounts_tier_idx ON public.accounts (tier);
COMMENT ON COLUMN public.accounts.tier IS 'derived from spend';
