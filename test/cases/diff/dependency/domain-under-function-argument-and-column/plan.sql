-- hazard MAY_FAIL: a value in a column of domain public.score that breaks score_check1 makes it fail
ALTER DOMAIN "public"."score" ADD CONSTRAINT "score_check1" CHECK (VALUE <= 100);
