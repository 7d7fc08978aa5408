GRANT USAGE ON SCHEMA "api" TO "anon";

GRANT USAGE ON SCHEMA "api" TO "authenticated";

GRANT CREATE ON SCHEMA "api" TO "service_role";
