CREATE TABLE public.visits (id bigint PRIMARY KEY, tenant_id int, country text, path text);
ALTER TABLE public.visits ALTER COLUMN tenant_id SET (n_distinct = 100), ALTER COLUMN country SET (n_distinct = -0.05, n_distinct_inherited = 300);
