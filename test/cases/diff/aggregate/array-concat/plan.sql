CREATE AGGREGATE "public"."array_concat_agg"(anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray);
