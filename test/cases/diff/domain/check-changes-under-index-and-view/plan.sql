ALTER DOMAIN "public"."score" DROP CONSTRAINT "score_range";

-- hazard MAY_FAIL: a value in a column of domain public.score that breaks score_range makes it fail
ALTER DOMAIN "public"."score" ADD CONSTRAINT "score_range" CHECK (VALUE >= 0 AND VALUE <= 1000);
