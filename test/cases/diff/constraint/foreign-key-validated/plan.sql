-- hazard MAY_FAIL: fails if rows of public.children break children_parent_fk
ALTER TABLE "public"."children" VALIDATE CONSTRAINT "children_parent_fk";
