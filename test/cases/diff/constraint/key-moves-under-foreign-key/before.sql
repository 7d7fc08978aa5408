CREATE TABLE public.plans (
  id integer PRIMARY KEY,
  code text NOT NULL UNIQUE
);
CREATE TABLE public.subscriptions (
  id integer PRIMARY KEY,
  plan_id integer REFERENCES public.plans (id)
);
CREATE TABLE public.regions (
  slug text NOT NULL,
  country text NOT NULL
);
CREATE UNIQUE INDEX regions_slug_country_idx ON public.regions (slug, country);
CREATE TABLE public.stores (
  id integer PRIMARY KEY,
  country text,
  region text,
  CONSTRAINT stores_region_fkey FOREIGN KEY (region, country) REFERENCES public.regions (slug, country) ON DELETE SET NULL
);
