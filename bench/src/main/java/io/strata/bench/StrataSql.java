package io.strata.bench;

/**
 * The statements Strata issues per HTTP request, as pgbench scripts. Captured from PostgreSQL's statement log
 * (log_statement=all) while calling each endpoint once; recapture them when a mapping or query changes (section 5
 * of the report, statements per request, shows when the counts drift). pgbench runs them with -M prepared, so
 * {@code :name} variables travel as bind parameters exactly like Strata's.
 *
 * <p>Where Strata binds a value it computed in Java (a new UUID, the clock, a NULL, the incremented version),
 * the script computes it in SQL or in pgbench ({@code gen_random_uuid()}, {@code now()}, {@code NULL},
 * {@code \set}); {@code \gset} reads back what the script needs, with column aliases where Strata's columns are
 * unnamed. The statements, their order and their transactions are Strata's.
 */
final class StrataSql {

    private StrataSql() {
    }

    /*
     * Authentication costs no statement on a warm token: Strata answers it from its session principal cache (the
     * benchmark's token is always warm; a miss costs BEGIN, the settings below, the session query and COMMIT).
     */

    /**
     * Who acts, for row-level security. Strata sends it in front of a transaction's first statement, in that
     * statement's round trip (ActingFirstStatement); pgbench cannot pipeline a statement whose result it reads
     * (\gset), so here it is a statement and a round trip of its own: pgbench's rows price one round trip more.
     */
    private static final String ACTING =
            "SELECT set_config('strata.role', :acting_role, true), set_config('strata.user_id', :acting_uid, true);\n";

    /** Strata's outbox append of one event of a new aggregate (AggregateWrites, Outbox): one row of values. */
    private static final String APPEND_TASK_CREATED = "INSERT INTO events (event_id, aggregate_type, aggregate_id, "
            + "sequence, event_type, payload, occurred_at) VALUES (gen_random_uuid(), 'workspace.Task', "
            + "cast(:task_id AS uuid), 1, 'workspace.TaskCreated', cast(jsonb_build_object('taskId', "
            + "cast(:task_id AS text), 'title', 'bench-task', 'assigneeId', NULL)::text AS jsonb), "
            + "cast(now()::text AS timestamptz));\n";

    private static final String USER_COLUMNS = "uje1_0.id,uje1_0.created_at,uje1_0.email,uje1_0.email_verified,"
            + "uje1_0.email_verified_at,uje1_0.first_name,uje1_0.last_login_at,uje1_0.last_name,uje1_0.login_count,"
            + "uje1_0.password_changed_at,uje1_0.password_hash,uje1_0.preferences,uje1_0.role,uje1_0.search_text,"
            + "uje1_0.status,uje1_0.tags,uje1_0.updated_at,uje1_0.username,uje1_0.version";

    /** A project with its members, as Strata reads it to show or to change it. */
    private static final String PROJECT_WITH_MEMBERS = "SELECT p.id, p.name, p.description, p.status, p.priority, "
            + "p.owner_id, p.start_date, p.due_date, p.budget_amount, p.budget_currency, p.tags, p.task_count, "
            + "p.completion, p.version, p.created_at, p.updated_at, p.done_task_count, p.cancelled_task_count, m.user_id "
            + "FROM projects p LEFT JOIN project_members m "
            + "ON m.project_id = p.id WHERE p.id = :pid ORDER BY m.user_id";

    /** GET /api/v1/users/{id}, a plain read in a read-only transaction: variables acting_role, acting_uid, uid. */
    static final String GET_USER = """
            BEGIN READ ONLY;
            """ + ACTING + """
            SELECT id, email, username, first_name, last_name, role, status, email_verified, email_verified_at, password_changed_at, last_login_at, login_count, tags, preferences, version, created_at, updated_at FROM users WHERE id = :uid;
            COMMIT;
            """;

    /** GET /api/v1/users?role=eq.USER&sort=-createdAt&limit=20&cursor=...: variables acting_role, acting_uid, role, cat (cursor's createdAt), cid, lim (21). */
    static final String LIST_USERS_AFTER_CURSOR = """
            BEGIN READ ONLY;
            """ + ACTING + """
            select %s from users uje1_0 where uje1_0.role=:role and uje1_0.created_at<=:cat and (uje1_0.created_at<:cat or uje1_0.created_at=:cat and uje1_0.id<:cid) order by 2 desc,1 desc fetch first :lim rows only;
            COMMIT;
            """.formatted(USER_COLUMNS);

    /** The list's statement alone, for EXPLAIN at each table size. */
    static final String LIST_USERS_QUERY = "select " + USER_COLUMNS + " from users uje1_0 where uje1_0.role=? and "
            + "uje1_0.created_at<=? and (uje1_0.created_at<? or uje1_0.created_at=? and uje1_0.id<?) order by 2 desc,1 desc fetch first ? rows only";

    /** GET /api/v1/projects/{id}, a plain read in a read-only transaction: variables acting_role, acting_uid, pid. */
    static final String GET_PROJECT = """
            BEGIN READ ONLY;
            """ + ACTING + """
            %s;
            COMMIT;
            """.formatted(PROJECT_WITH_MEMBERS);

    /**
     * POST /api/v1/projects/{id}/tasks: lock the project with its members, insert the task and its event, update the
     * project's tally (no wait for the lock here: one statement; after a wait Strata reads the members again).
     * Variables acting_role, acting_uid, pid.
     */
    static final String CREATE_TASK = """
            BEGIN;
            """ + ACTING + """
            SELECT p.id, p.name, p.description, p.status, p.priority, p.owner_id, p.start_date, p.due_date, p.budget_amount, p.budget_currency, p.tags, p.task_count, p.completion, p.version, p.created_at, p.updated_at, p.done_task_count, p.cancelled_task_count, p.xmin = (SELECT s.xmin FROM projects s WHERE s.id = p.id) AS seen, array(SELECT m.user_id FROM project_members m WHERE m.project_id = p.id ORDER BY m.user_id) AS members FROM projects p WHERE p.id = :pid FOR NO KEY UPDATE OF p \\gset p_
            insert into tasks (actual_hours,assignee_id,completed_at,created_at,description,due_date,estimated_hours,priority,project_id,status,tags,title,updated_at,version,id) values (:zero,NULL,NULL,now(),NULL,NULL,:estimate,:priority,:pid,:todo,:notags,:title,now(),:zero,gen_random_uuid()) RETURNING id AS task_id \\gset
            """ + APPEND_TASK_CREATED + """
            \\set total :p_task_count + 1
            \\set completion (:p_done_task_count * 100) / (:total - :p_cancelled_task_count)
            \\set next_version :p_version + 1
            update projects set budget_amount=NULL,budget_currency=NULL,cancelled_task_count=:p_cancelled_task_count,completion=:completion,description=:p_description,done_task_count=:p_done_task_count,due_date=NULL,name=:p_name,priority=:p_priority,start_date=NULL,status=:p_status,tags=:p_tags,task_count=:total,updated_at=:p_updated_at,version=:next_version where id=:pid and version=:p_version;
            COMMIT;
            """;

    /** PATCH /api/v1/projects/{id} with If-Match: read the project with its members, then the versioned update. Variables acting_role, acting_uid, pid, description. */
    static final String UPDATE_PROJECT = """
            BEGIN;
            """ + ACTING + """
            %s \\gset p_
            \\set next_version :p_version + 1
            update projects set budget_amount=NULL,budget_currency=NULL,cancelled_task_count=:p_cancelled_task_count,completion=:p_completion,description=:description,done_task_count=:p_done_task_count,due_date=NULL,name=:p_name,priority=:p_priority,start_date=NULL,status=:p_status,tags=:p_tags,task_count=:p_task_count,updated_at=now(),version=:next_version where id=:pid and version=:p_version;
            COMMIT;
            """.formatted(PROJECT_WITH_MEMBERS);
}
