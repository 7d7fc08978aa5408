INSERT INTO public.bookings VALUES (1), (2);
