ALTER DEFAULT PRIVILEGES IN SCHEMA "reporting" GRANT SELECT ON TABLES TO "authenticator";

CREATE TABLE "reporting"."daily" (
  "day" date NOT NULL,
  "total" bigint,
  CONSTRAINT "daily_pkey" PRIMARY KEY ("day")
);
