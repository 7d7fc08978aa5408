ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (during WITH &&) DEFERRABLE INITIALLY DEFERRED;
