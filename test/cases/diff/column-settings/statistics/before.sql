CREATE TABLE public.events (id bigint PRIMARY KEY, kind text, tenant_id int);
ALTER TABLE public.events ALTER COLUMN tenant_id SET STATISTICS 200;
