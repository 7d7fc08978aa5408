CREATE TABLE public.users (id bigint PRIMARY KEY, avatar bytea);
ALTER TABLE public.users ALTER COLUMN avatar SET STORAGE EXTERNAL;
CREATE TABLE public.pages (id bigint PRIMARY KEY, html text COMPRESSION pglz, slug text);
ALTER TABLE public.pages ALTER COLUMN html SET STORAGE EXTERNAL, ALTER COLUMN slug SET STATISTICS 2000;
