ALTER PUBLICATION "supabase_realtime" DROP TABLE "public"."orders";
