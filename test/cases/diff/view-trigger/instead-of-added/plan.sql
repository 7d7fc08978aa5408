CREATE TRIGGER "item_names_insert" INSTEAD OF INSERT ON "public"."item_names" FOR EACH ROW EXECUTE FUNCTION "public"."item_names_insert"();

COMMENT ON TRIGGER "item_names_insert" ON "public"."item_names" IS 'writes through';
