CREATE TABLE public.documents (id bigint PRIMARY KEY, body text, attrs jsonb, price numeric);
ALTER TABLE public.documents ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN attrs SET STORAGE MAIN, ALTER COLUMN price SET STORAGE EXTENDED;
