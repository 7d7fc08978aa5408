CREATE TABLE public.legacy (id integer NOT NULL);
CREATE SEQUENCE public.shared_ids OWNED BY public.legacy.id;
ALTER TABLE public.legacy ALTER COLUMN id SET DEFAULT nextval('public.shared_ids');
CREATE TABLE public.current (id integer PRIMARY KEY DEFAULT nextval('public.shared_ids'));
