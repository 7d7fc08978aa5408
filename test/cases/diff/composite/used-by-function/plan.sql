SET check_function_bodies = false;

CREATE TYPE "public"."order_summary" AS ("orders" bigint, "revenue" numeric);

CREATE FUNCTION "public"."summarise"() RETURNS SETOF public.order_summary LANGUAGE "sql" STABLE
AS $$ SELECT count(*), sum(total) FROM public.orders $$;

CREATE FUNCTION "public"."top_orders"("n" integer) RETURNS TABLE(summary public.order_summary) LANGUAGE "sql" STABLE
AS $$ SELECT ROW(1, max(total))::public.order_summary FROM public.orders LIMIT n $$;
