package io.strata.bootstrap.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Strata's schema as PostgreSQL's catalog describes it, one sorted line per object, so that two states can be compared
 * exactly: tables (kind, row security enabled and forced, grants), columns (position among the live ones, type,
 * nullability, default, generated and identity), constraints, indexes, policies, triggers, functions, types, views,
 * sequences and extensions. Objects that belong to an extension, and the schema bookkeeping tables, are left out.
 */
public final class CatalogSnapshot {

    private static final String NOT_BOOKKEEPING =
            "c.relname NOT LIKE 'flyway\\_schema\\_history%' AND c.relname NOT LIKE 'strata\\_schema\\_rollbacks%'";
    private static final String PUBLIC = "c.relnamespace = 'public'::regnamespace";
    private static final String NOT_EXTENSION =
            "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass "
                    + "AND e.objid = %s AND e.deptype = 'e')";

    private static final List<String> QUERIES = List.of(
            "SELECT 'relation ' || c.relname || ' kind=' || c.relkind::text || ' rls=' || c.relrowsecurity || ' forced='"
                    + " || c.relforcerowsecurity || ' acl=' || coalesce(c.relacl::text, '') FROM pg_class c WHERE "
                    + PUBLIC
                    + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND " + NOT_BOOKKEEPING
                    + " AND " + NOT_EXTENSION.formatted("pg_class", "c.oid"),
            "SELECT 'column ' || c.relname || '#' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) || ' ' || a.attname"
                    + " || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull || ' default='"
                    + " || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' generated=' || a.attgenerated::text"
                    + " || ' identity=' || a.attidentity::text || ' collation=' || a.attcollation::regcollation::text"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE " + PUBLIC
                    + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped"
                    + " AND " + NOT_BOOKKEEPING + " AND " + NOT_EXTENSION.formatted("pg_class", "c.oid"),
            "SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)"
                    + " || ' deferrable=' || k.condeferrable || ' deferred=' || k.condeferred"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE " + PUBLIC + " AND "
                    + NOT_BOOKKEEPING,
            "SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                    + " WHERE " + PUBLIC + " AND " + NOT_BOOKKEEPING,
            "SELECT 'policy ' || tablename || ' ' || policyname || ' ' || permissive || ' ' || roles::text || ' ' || cmd"
                    + " || ' using=' || coalesce(qual, '') || ' check=' || coalesce(with_check, '')"
                    + " FROM pg_policies WHERE schemaname = 'public'",
            "SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text FROM pg_trigger t"
                    + " JOIN pg_class c ON c.oid = t.tgrelid WHERE " + PUBLIC + " AND NOT t.tgisinternal",
            "SELECT 'function ' || pg_get_functiondef(p.oid) || ' acl=' || coalesce(p.proacl::text, '') FROM pg_proc p"
                    + " WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p', 'w')"
                    + " AND " + NOT_EXTENSION.formatted("pg_proc", "p.oid"),
            "SELECT 'aggregate ' || p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
                    + " AND p.prokind = 'a' AND " + NOT_EXTENSION.formatted("pg_proc", "p.oid"),
            "SELECT 'type ' || t.typname || ' ' || t.typtype::text || ' ' || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY"
                    + " e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') || ' ' || coalesce(pg_catalog.format_type(t.typbasetype, t.typtypmod), '')"
                    + " FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'c')"
                    + " AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')"
                    + " AND " + NOT_EXTENSION.formatted("pg_type", "t.oid"),
            "SELECT 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid) FROM pg_class c WHERE " + PUBLIC
                    + " AND c.relkind IN ('v', 'm')",
            "SELECT 'sequence ' || s.seqrelid::regclass::text || ' ' || format_type(s.seqtypid, NULL) || ' ' || s.seqstart"
                    + " || ' ' || s.seqincrement || ' ' || s.seqmax || ' ' || s.seqmin || ' ' || s.seqcache || ' ' || s.seqcycle"
                    + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE " + PUBLIC + " AND "
                    + NOT_BOOKKEEPING,
            "SELECT 'extension ' || extname || ' ' || extversion || ' ' || extnamespace::regnamespace::text FROM pg_extension",
            "SELECT 'comment ' || c.relname || ' ' || d.objsubid || ' ' || d.description FROM pg_description d"
                    + " JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass WHERE " + PUBLIC
                    + " AND " + NOT_BOOKKEEPING);

    private CatalogSnapshot() {}

    /** The sorted lines. */
    public static List<String> of(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rs = statement.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
