SET check_function_bodies = false;

CREATE FUNCTION "public"."handle_new_user"() RETURNS trigger LANGUAGE "plpgsql" VOLATILE SECURITY DEFINER SET "search_path" TO ''
AS $$
BEGIN
  INSERT INTO public.profiles (id, full_name) VALUES (new.id, new.raw_user_meta_data ->> 'full_name');
  RETURN new;
END
$$;

CREATE TRIGGER "on_auth_user_created" AFTER INSERT ON "auth"."users" FOR EACH ROW EXECUTE FUNCTION "public"."handle_new_user"();

COMMENT ON TRIGGER "on_auth_user_created" ON "auth"."users" IS 'Every new user gets a profile.';
