INSERT INTO public.all_leads (customer_name, phone, first_touchpoint, last_touchpoint) VALUES ('Ada', '+91 98765-43210', 'web', 'web');
INSERT INTO public.dashboard_settings (key, value) VALUES ('score.hot', '{"min": 70}');
