GRANT SELECT ("id") ON TABLE "public"."profiles" TO "authenticator";

GRANT SELECT ("display_name") ON TABLE "public"."profiles" TO "authenticator";

GRANT UPDATE ("bio") ON TABLE "public"."profiles" TO "authenticator";
