CREATE DOMAIN public.markdown AS text;
CREATE TABLE public.posts (id bigint PRIMARY KEY, body public.markdown);
ALTER TABLE public.posts ALTER COLUMN body SET STORAGE EXTERNAL;
