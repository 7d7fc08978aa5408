CREATE TABLE public.queue (id bigint PRIMARY KEY, state text) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02);
CREATE INDEX queue_state_idx ON public.queue (state) WITH (fillfactor = 60);
CREATE MATERIALIZED VIEW public.queue_states WITH (fillfactor = 40) AS SELECT state, count(*) AS n FROM public.queue GROUP BY state;
