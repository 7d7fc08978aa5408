CREATE TABLE "public"."profiles" (
  "id" uuid NOT NULL,
  "username" text,
  "full_name" text,
  "avatar_url" text,
  "updated_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "profiles_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "profiles_username_key" UNIQUE ("username")
);

ALTER TABLE "public"."profiles" ADD CONSTRAINT "profiles_id_fkey" FOREIGN KEY ("id") REFERENCES "auth"."users" ("id") ON DELETE CASCADE;

ALTER TABLE "public"."profiles" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Public profiles are viewable by everyone." ON "public"."profiles" AS PERMISSIVE FOR SELECT TO PUBLIC USING (true);

CREATE POLICY "Users can update own profile." ON "public"."profiles" AS PERMISSIVE FOR UPDATE TO PUBLIC USING ((( SELECT auth.uid() AS uid) = id));
