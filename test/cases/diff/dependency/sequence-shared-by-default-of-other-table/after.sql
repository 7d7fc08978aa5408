CREATE SEQUENCE public.shared_ids;
CREATE TABLE public.current (id integer PRIMARY KEY DEFAULT nextval('public.shared_ids'));
