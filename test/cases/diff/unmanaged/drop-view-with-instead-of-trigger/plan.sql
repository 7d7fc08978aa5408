DROP VIEW "public"."points_view";
