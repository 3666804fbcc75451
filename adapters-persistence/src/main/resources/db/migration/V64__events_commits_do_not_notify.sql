-- events: a transaction that appends events no longer sends a NOTIFY from a trigger. PostgreSQL serializes the
-- commits of every transaction that notified (one lock, held across the commit's WAL flush), so each write that
-- recorded an event committed alone instead of in a group with the others. Strata tells its own relay in the
-- process after the commit instead; an instance whose relay is off sends one notification after its commits, at
-- most one per gathering pause, on the same channel. Writes made around Strata (SQL by hand) are found by the
-- relays' poll. A sink added still notifies from its trigger (V12): rare, and what wakes an idle relay.
DROP TRIGGER IF EXISTS events_notify_tg ON events;
DROP FUNCTION IF EXISTS events_notify();
