CREATE TABLE public.events (id bigint PRIMARY KEY, kind text NOT NULL, score int NOT NULL);
CREATE MATERIALIZED VIEW public.event_kinds AS SELECT kind, count(*) AS n, max(score) AS best FROM public.events GROUP BY kind;
CREATE UNIQUE INDEX event_kinds_kind ON public.event_kinds (kind);
COMMENT ON INDEX public.event_kinds_kind IS 'Refreshed concurrently';
COMMENT ON COLUMN public.event_kinds.n IS 'Events of the kind';
ALTER MATERIALIZED VIEW public.event_kinds ALTER COLUMN kind SET STATISTICS 400, ALTER COLUMN kind SET (n_distinct = 25), ALTER COLUMN kind SET STORAGE MAIN;
CREATE STATISTICS public.event_kinds_stats ON kind, best FROM public.event_kinds;
