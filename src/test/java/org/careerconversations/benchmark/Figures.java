package org.careerconversations.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The run's figures, one line each: {@code <kind> <name> <value> [unit]}, e.g. {@code ratio launch.postgres 0.83}. */
final class Figures {

    private final List<String> lines = new ArrayList<>();

    synchronized void add(String kind, String name, double value, String unit) {
        String number = Math.abs(value) >= 100 || value == Math.rint(value) ? String.format("%.0f", value)
            : String.format("%.2f", value);
        String line = kind + " " + name + " " + number + (unit == null || unit.isEmpty() ? "" : " " + unit);
        lines.add(line);
        System.out.println("BENCH " + line);
    }

    synchronized void note(String name, String text) {
        String line = "note " + name + " " + text;
        lines.add(line);
        System.out.println("BENCH " + line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
