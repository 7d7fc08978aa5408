CREATE SEQUENCE public.counter;
CREATE TABLE public.items (id bigint NOT NULL DEFAULT nextval('public.counter'), name text);
