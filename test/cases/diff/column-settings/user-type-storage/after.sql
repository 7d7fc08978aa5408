CREATE DOMAIN public.markdown AS text;
CREATE TABLE public.posts (id bigint PRIMARY KEY, body public.markdown);
