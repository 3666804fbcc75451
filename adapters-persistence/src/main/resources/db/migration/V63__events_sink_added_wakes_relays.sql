-- events: a sink added wakes the relays at commit, as a committed event does (V10). A relay that found no sink has
-- nothing to poll for until one is added: it waits for this notification instead of reading the sinks every second.
-- (Only inserts: with a sink, the relays poll anyway, and they update sinks' cursors themselves.)
CREATE TRIGGER event_sinks_notify_tg AFTER INSERT ON event_sinks FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
