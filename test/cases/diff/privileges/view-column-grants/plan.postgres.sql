DROP VIEW "public"."public_profiles";

ALTER TABLE "public"."profiles" ALTER COLUMN "display_name" TYPE text USING "display_name"::text;

CREATE VIEW "public"."public_profiles" AS
SELECT profiles.id,
    profiles.display_name,
    profiles.bio
   FROM public.profiles;

GRANT SELECT ("email") ON TABLE "public"."profile_emails" TO "authenticator";

GRANT SELECT ("id") ON TABLE "public"."public_profiles" TO "anon";

GRANT SELECT ("display_name") ON TABLE "public"."public_profiles" TO "anon";

GRANT SELECT ("bio"), UPDATE ("bio") ON TABLE "public"."public_profiles" TO "authenticated";
