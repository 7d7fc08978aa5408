-- hazard DELETES_DATA: drops domain public.email
DROP DOMAIN "public"."email";

CREATE DOMAIN "public"."email" AS text CONSTRAINT "email_check" CHECK (VALUE ~ '^[^@]+@[^@]+$'::text);
