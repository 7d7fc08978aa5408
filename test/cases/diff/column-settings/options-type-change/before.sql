CREATE TABLE public.orders (id bigint PRIMARY KEY, status varchar(20), note text);
ALTER TABLE public.orders ALTER COLUMN status SET STORAGE MAIN, ALTER COLUMN status SET STATISTICS 400, ALTER COLUMN status SET (n_distinct = 12);
ALTER TABLE public.orders ALTER COLUMN note SET STORAGE EXTERNAL, ALTER COLUMN note SET (n_distinct = -1);
