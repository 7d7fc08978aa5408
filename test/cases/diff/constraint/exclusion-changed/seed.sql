INSERT INTO public.bookings (id, during) VALUES (1, '[2026-01-01,2026-01-02)');
