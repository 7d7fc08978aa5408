CREATE TABLE public.events (id bigint PRIMARY KEY, kind text, tenant_id int);
ALTER TABLE public.events ALTER COLUMN kind SET STATISTICS 1000, ALTER COLUMN tenant_id SET STATISTICS 0;
