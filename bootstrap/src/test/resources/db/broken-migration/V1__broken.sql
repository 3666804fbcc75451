-- used by StartupFailureTest: a migration that cannot run
CREATE TABLE broken_example (id uuid PRIMARY KEY);
THIS IS NOT SQL;
