CREATE INDEX CONCURRENTLY "points_x" ON "public"."points" USING "btree" (x);
