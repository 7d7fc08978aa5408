DROP STATISTICS "public"."point_pairs_xy";
