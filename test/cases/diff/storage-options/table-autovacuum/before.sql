CREATE TABLE public.events (id bigint PRIMARY KEY, payload text) WITH (fillfactor = 90, autovacuum_enabled = false);
