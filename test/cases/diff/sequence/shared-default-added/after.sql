CREATE SEQUENCE public.counter START WITH 10;
CREATE TABLE public.items (id bigint NOT NULL DEFAULT nextval('public.counter'), name text);
CREATE TABLE public.notes (id bigint NOT NULL DEFAULT nextval('public.counter'));
