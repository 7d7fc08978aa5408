CREATE TABLE public.visits (id bigint PRIMARY KEY, tenant_id int, country text, path text);
ALTER TABLE public.visits ALTER COLUMN tenant_id SET (n_distinct = 250), ALTER COLUMN country SET (n_distinct = -0.05), ALTER COLUMN path SET (n_distinct = 1e3);
