CREATE TYPE public.span AS RANGE (subtype = integer, subtype_opclass = int4_ops, multirange_type_name = public.span_multirange);
CREATE TYPE public.textrange AS RANGE (subtype = text, collation = "default");
CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi, multirange_type_name = floatmultirange);
