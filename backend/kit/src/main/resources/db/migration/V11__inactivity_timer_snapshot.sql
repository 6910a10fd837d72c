-- A customer's message resets the countdown with one UPDATE: the row keeps the timer settings it
-- was armed with, so the new deadline is computed in SQL without reading the row first.
-- sender_address is our number (the proxy address), which with customer_address keys the shared
-- WhatsApp window (whatsapp_windows, V2); inactivity no longer keeps its own copy of that window.
-- task_checked_at throttles the TaskRouter look-up a customer message makes when no countdown runs.
ALTER TABLE inactivity_timers ADD COLUMN timer_sec INTEGER;
ALTER TABLE inactivity_timers ADD COLUMN warning_sec INTEGER;
ALTER TABLE inactivity_timers ADD COLUMN sender_address VARCHAR(255);
ALTER TABLE inactivity_timers ADD COLUMN task_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE inactivity_timers DROP COLUMN last_customer_at;
