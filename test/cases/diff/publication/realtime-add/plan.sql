ALTER PUBLICATION "supabase_realtime" ADD TABLE "public"."orders";
