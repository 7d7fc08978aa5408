CREATE TABLE public.posts (id bigint PRIMARY KEY, body text);
CREATE SEQUENCE public.post_numbers;
CREATE FUNCTION public.post_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM public.posts $$;
