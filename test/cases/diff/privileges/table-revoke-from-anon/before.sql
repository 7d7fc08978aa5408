CREATE TABLE public.posts (id bigint PRIMARY KEY, body text);
