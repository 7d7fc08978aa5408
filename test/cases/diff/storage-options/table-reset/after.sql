CREATE TABLE public.logs (id bigint PRIMARY KEY, line text);
