-- hazard DROPS_UNMANAGED: also drops trigger on a view or foreign table insert_point on public.points_view, which pgform does not manage
DROP VIEW "public"."points_view";
