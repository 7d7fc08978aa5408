CREATE TABLE public.events (
  id bigint NOT NULL,
  created_at date NOT NULL,
  kind text DEFAULT 'note' NOT NULL,
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
COMMENT ON TABLE public.events IS 'Events, one partition per year';
CREATE INDEX events_kind_idx ON public.events (kind);
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_other PARTITION OF public.events (kind DEFAULT 'other') DEFAULT;
CREATE INDEX events_2024_id_idx ON public.events_2024 (id DESC);
CREATE TABLE public.orders (id bigint NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('de', 'fr') PARTITION BY HASH (id);
CREATE TABLE public.orders_eu_0 PARTITION OF public.orders_eu FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.orders_eu_1 PARTITION OF public.orders_eu FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE public.monthly (id integer NOT NULL, at timestamptz NOT NULL) PARTITION BY RANGE (date_trunc('month', at AT TIME ZONE 'UTC'));
CREATE TABLE public.items (id bigint NOT NULL, name text NOT NULL, CONSTRAINT items_name_check CHECK (name <> ''));
CREATE TABLE public.books (isbn text) INHERITS (public.items);
