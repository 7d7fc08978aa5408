CREATE DOMAIN public.code AS text COLLATE "POSIX" CONSTRAINT code_not_empty CHECK (VALUE <> '');
CREATE TABLE public.products (id integer PRIMARY KEY, sku public.code NOT NULL UNIQUE);
CREATE VIEW public.product_skus AS SELECT id, sku FROM public.products;
