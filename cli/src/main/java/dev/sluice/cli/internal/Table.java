package dev.sluice.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A text table with a header row and left-aligned columns two spaces apart. Rows are held only until the
 * first {@code batch} have arrived (a listing's first page), which fixes the column widths; later rows are
 * written as they come with those widths, so that a long listing is printed while it is still being paged
 * (a later cell wider than its column pushes the rest of its row to the right).
 */
final class Table implements AutoCloseable {

    private final PrintWriter out;
    private final int batch;
    private final List<List<String>> held = new ArrayList<>();
    private int[] widths;

    /** A table of {@code header}'s columns on {@code out}, its widths fixed by the first {@code batch} rows. */
    Table(PrintWriter out, List<String> header, int batch) {
        this.out = out;
        this.batch = Math.max(1, batch);
        held.add(List.copyOf(header));
    }

    /** Adds a row with one cell per column. */
    void row(List<String> cells) {
        if (widths != null) {
            write(cells);
            return;
        }
        held.add(List.copyOf(cells));
        if (held.size() > batch) {
            flushHeld();
        }
    }

    /** Writes the rows still held and flushes. */
    @Override
    public void close() {
        if (widths == null) {
            flushHeld();
        }
        out.flush();
    }

    private void flushHeld() {
        widths = new int[held.get(0).size()];
        for (List<String> row : held) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        held.forEach(this::write);
        held.clear();
        out.flush();
    }

    private void write(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(Math.max(0, widths[i] - cell.length()) + 2));
            }
        }
        out.println(line);
    }
}
