-- events: a sink added wakes the relays at commit, as a committed event does (V10), on the same channel with the
-- payload 'sink'. A relay that found no sink has nothing to do until one is added: it waits for this notification
-- alone (not the events', nor a poll every second). Only inserts: with a sink, the relays poll anyway, and they
-- update sinks' cursors themselves.
CREATE FUNCTION event_sinks_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('strata_events', 'sink');
    RETURN NULL;
END
$$;
CREATE TRIGGER event_sinks_notify_tg AFTER INSERT ON event_sinks FOR EACH STATEMENT EXECUTE FUNCTION event_sinks_notify();
