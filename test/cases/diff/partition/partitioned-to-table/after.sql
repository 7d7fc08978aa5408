CREATE TABLE public.events (
  id bigint NOT NULL,
  happened_on date NOT NULL,
  kind text DEFAULT 'note' NOT NULL,
  PRIMARY KEY (id, happened_on)
);
CREATE INDEX events_kind_idx ON public.events (kind);
CREATE STATISTICS public.events_kind_day (dependencies) ON kind, happened_on FROM public.events;
