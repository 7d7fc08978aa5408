CREATE TYPE public.textrange_c AS RANGE (subtype = text, collation = "C");
CREATE TYPE public.textrange_pattern AS RANGE (subtype = text, subtype_opclass = text_pattern_ops);
CREATE TABLE public.books (id int PRIMARY KEY, shelf public.textrange_c);
