CREATE TABLE public.posts (id bigint PRIMARY KEY, body text);
REVOKE INSERT, UPDATE, DELETE ON public.posts FROM anon;
