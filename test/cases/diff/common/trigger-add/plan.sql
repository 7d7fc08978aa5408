CREATE TRIGGER "t_touch" BEFORE UPDATE ON "public"."t" FOR EACH ROW EXECUTE FUNCTION "public"."touch"();
