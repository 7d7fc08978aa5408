ALTER TABLE "public"."children" ADD CONSTRAINT "children_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."parents" ("id") NOT VALID;
