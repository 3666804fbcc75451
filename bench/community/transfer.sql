-- The statements Strata runs for one POST /api/v1/guilds/{id}/transfers (the guild comes from the cache; the
-- session lookup of the bearer token is left out), its outbox event included, as one pgbench transaction.
-- Variables: :g (the guild's uuid), :base, :members, :hot (1: always members 1 and 2, alternating).
\if :hot
\set a 1 + random(0, 1)
\set b 3 - :a
\else
\set a random(1, :members)
\set b 1 + (:a + random(0, :members - 2)) % :members
\endif
\set from :base + :a
\set to :base + :b
BEGIN;
SELECT t.id FROM community_points_transfers t WHERE t.guild_id = :g::uuid AND t.id = gen_random_uuid();
SELECT m.id, m.points FROM community_members m WHERE m.guild_id = :g::uuid AND m.external_user_id = ANY (ARRAY[:from, :to]::bigint[]) ORDER BY m.id FOR NO KEY UPDATE;
INSERT INTO community_points_transfers (guild_id, id, from_member_id, to_member_id, amount, reason, from_balance_after, to_balance_after, created_at)
  SELECT :g::uuid, gen_random_uuid(), f.id, t.id, 1, NULL, f.points - 1, t.points + 1, now()
  FROM community_members f, community_members t
  WHERE f.guild_id = :g::uuid AND f.external_user_id = :from AND t.guild_id = :g::uuid AND t.external_user_id = :to
  ON CONFLICT (guild_id, id) DO NOTHING;
UPDATE community_members SET points = points - 1, version = version + 1, updated_at = greatest(updated_at, now()) WHERE guild_id = :g::uuid AND external_user_id = :from;
UPDATE community_members SET points = points + 1, version = version + 1, updated_at = greatest(updated_at, now()) WHERE guild_id = :g::uuid AND external_user_id = :to;
INSERT INTO events (event_id, aggregate_type, aggregate_id, sequence, event_type, payload, occurred_at)
  VALUES (gen_random_uuid(), 'community.PointsTransfer', gen_random_uuid(), 1, 'community.PointsTransferred',
          jsonb_build_object('transferId', gen_random_uuid(), 'guildId', :g::uuid, 'fromUserId', :from::bigint, 'toUserId', :to::bigint,
                             'amount', 1, 'fromBalanceAfter', 0, 'toBalanceAfter', 0), now());
COMMIT;
