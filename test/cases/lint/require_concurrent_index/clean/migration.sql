SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY accounts_email ON public.accounts (email);
CREATE TABLE public.fresh (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);
CREATE INDEX fresh_email ON public.fresh (email);
-- A partitioned table's index built online: ON ONLY the parent (nothing built), each partition's concurrently, then attached.
CREATE INDEX events_at ON ONLY public.events (at);
CREATE INDEX CONCURRENTLY events_2025_at_idx ON public.events_2025 (at);
ALTER INDEX public.events_at ATTACH PARTITION public.events_2025_at_idx;
