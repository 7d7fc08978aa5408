ALTER DOMAIN "public"."email" DROP CONSTRAINT "email_check";

-- hazard MAY_FAIL: a value in a column of domain public.email that breaks email_check makes it fail
ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_check" CHECK (VALUE ~ '^[^@]+@[^@]+$'::text);
