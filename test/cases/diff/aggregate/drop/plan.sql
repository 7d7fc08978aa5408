DROP AGGREGATE "public"."first"(anyelement);

DROP FUNCTION "public"."first_agg"(anyelement, anyelement);
