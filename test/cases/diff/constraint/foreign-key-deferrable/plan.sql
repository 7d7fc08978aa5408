ALTER TABLE "public"."children" ALTER CONSTRAINT "children_parent_id_fkey" DEFERRABLE INITIALLY DEFERRED;
