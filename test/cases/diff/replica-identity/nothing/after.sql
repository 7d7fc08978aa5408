CREATE TABLE public.metrics (id bigint PRIMARY KEY, value numeric);
ALTER TABLE public.metrics REPLICA IDENTITY NOTHING;
