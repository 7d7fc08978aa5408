COMMENT ON TABLE "public"."events" IS 'what happened';
