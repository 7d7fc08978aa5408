CREATE TABLE public.orders (id bigint PRIMARY KEY, status text NOT NULL, note varchar(500));
ALTER TABLE public.orders ALTER COLUMN status SET STORAGE MAIN, ALTER COLUMN status SET STATISTICS 400, ALTER COLUMN status SET (n_distinct = 12);
ALTER TABLE public.orders ALTER COLUMN note SET STATISTICS 50, ALTER COLUMN note SET (n_distinct = -0.5);
