GRANT EXECUTE ON FUNCTION "private"."score"(integer) TO "authenticator";
