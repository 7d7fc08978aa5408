DROP TRIGGER on_auth_user_created ON auth.users;
