CREATE DOMAIN public.code AS text NOT NULL;
CREATE DOMAIN public.short_code AS public.code;
CREATE TYPE public.tagged AS (tag public.short_code, weight integer);
CREATE TABLE public.items (id integer PRIMARY KEY, tag public.tagged);
