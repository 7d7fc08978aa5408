CREATE TABLE public.devices (id bigint PRIMARY KEY, serial text NOT NULL);
CREATE UNIQUE INDEX devices_serial_idx ON public.devices (serial);
