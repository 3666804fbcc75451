package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: tables printed as they complete, and at the end written as Markdown ({@code .md}) and as
 * one flat CSV ({@code section,table,row,column,value}) under bench/results/.
 */
final class Report {

    static final class Table {
        final String title;
        final List<String> columns;
        final List<List<String>> rows = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Table(String title, String... columns) {
            this.title = title;
            this.columns = List.of(columns);
        }

        Table row(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(cell == null ? "" : cell.toString());
            }
            rows.add(row);
            return this;
        }

        Table note(String note) {
            notes.add(note);
            return this;
        }

        String markdown() {
            StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
            out.append("| ").append(String.join(" | ", columns)).append(" |\n");
            out.append("|").append("---|".repeat(columns.size())).append("\n");
            for (List<String> row : rows) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            for (String note : notes) {
                out.append("\n").append(note).append("\n");
            }
            return out.append("\n").toString();
        }

        String text() {
            int[] widths = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                widths[c] = columns.get(c).length();
                for (List<String> row : rows) {
                    widths[c] = Math.max(widths[c], c < row.size() ? row.get(c).length() : 0);
                }
            }
            StringBuilder out = new StringBuilder("\n== ").append(title).append(" ==\n");
            appendLine(out, columns, widths);
            for (List<String> row : rows) {
                appendLine(out, row, widths);
            }
            for (String note : notes) {
                out.append("  ").append(note).append("\n");
            }
            return out.toString();
        }

        private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
            for (int c = 0; c < widths.length; c++) {
                String cell = c < cells.size() ? cells.get(c) : "";
                out.append(c == 0 ? String.format("%-" + widths[c] + "s", cell) : String.format("  %" + widths[c] + "s", cell));
            }
            out.append("\n");
        }
    }

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Table> tables = new ArrayList<>();

    void environment(String key, String value) {
        environment.put(key, value);
    }

    Table table(String title, String... columns) {
        Table table = new Table(title, columns);
        tables.add(table);
        return table;
    }

    /** Prints a finished table to stdout (the run's progress shows on stderr). */
    void print(Table table) {
        System.out.print(table.text());
        System.out.flush();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# Strata benchmark\n\n");
        environment.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append("\n"));
        out.append("\n");
        tables.forEach(t -> out.append(t.markdown()));
        return out.toString();
    }

    String csv() {
        StringBuilder out = new StringBuilder("table,row,column,value\n");
        environment.forEach((k, v) -> out.append(csvCell("environment")).append(',').append(csvCell(k)).append(",value,")
                .append(csvCell(v)).append('\n'));
        for (Table table : tables) {
            for (List<String> row : table.rows) {
                String rowKey = row.isEmpty() ? "" : String.join(" / ", row.subList(0, Math.min(2, row.size())));
                for (int c = 0; c < row.size() && c < table.columns.size(); c++) {
                    out.append(csvCell(table.title)).append(',').append(csvCell(rowKey)).append(',')
                            .append(csvCell(table.columns.get(c))).append(',').append(csvCell(row.get(c))).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String csvCell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Writes {@code <stamp>.md} and {@code <stamp>.csv}, and copies them to {@code latest.md}/{@code latest.csv}. */
    List<Path> write(Path directory, String stamp) throws IOException {
        Files.createDirectories(directory);
        Path md = directory.resolve(stamp + ".md");
        Path csv = directory.resolve(stamp + ".csv");
        Files.writeString(md, markdown());
        Files.writeString(csv, csv());
        Files.writeString(directory.resolve("latest.md"), markdown());
        Files.writeString(directory.resolve("latest.csv"), csv());
        return List.of(md, csv);
    }

    // ---- number formatting shared by the sections ----

    static String rate(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value < 10 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * numerator / denominator);
    }

    static String megabytes(long kib) {
        return String.format(Locale.ROOT, "%.0f MB", kib / 1024.0);
    }
}
