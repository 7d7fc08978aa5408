CREATE TABLE public.logs (id bigint PRIMARY KEY, line text) WITH (fillfactor = 50, autovacuum_vacuum_threshold = 1000);
