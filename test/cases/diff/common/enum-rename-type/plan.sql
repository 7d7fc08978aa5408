CREATE TYPE "public"."state2" AS ENUM ('a', 'b');

-- hazard DELETES_DATA: drops enum public.state
DROP TYPE "public"."state";
