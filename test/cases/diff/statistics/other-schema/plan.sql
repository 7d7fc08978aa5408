CREATE SCHEMA "planner";

CREATE STATISTICS "planner"."City and zip" (mcv) ON city, zip FROM "public"."addresses";
