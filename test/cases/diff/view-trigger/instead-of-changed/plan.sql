DROP TRIGGER "item_names_write" ON "public"."item_names";

CREATE TRIGGER "item_names_write" INSTEAD OF INSERT OR UPDATE ON "public"."item_names" FOR EACH ROW EXECUTE FUNCTION "public"."item_names_write"('x');
