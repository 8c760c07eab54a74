package org.careerconversations.organisation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an organisation file ({@code id,name,email,managerId,hrPartnerId,hireDate,employmentType,jobTitle})
 * and checks every line; a file with any problem is reported line by line and imports nothing.
 */
final class OrgCsv {

    static final List<String> COLUMNS = List.of("id", "name", "email", "managerId", "hrPartnerId", "hireDate",
        "employmentType", "jobTitle");
    static final Set<String> EMPLOYMENT_TYPES = Set.of("probation", "permanent", "fixed-term");
    // Camunda accepts user ids of letters and digits only (its default userResourceWhitelistPattern)
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    record Row(int line, String id, String name, String email, String managerId, String hrPartnerId,
               LocalDate hireDate, String employmentType, String jobTitle) {
    }

    record Problem(int line, String field, String message) {
    }

    record Parsed(List<Row> rows, List<Problem> problems) {
        boolean isValid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param known ids of people already in the organisation who may be named as manager or HR partner
     *              although the file does not list them (a partial import); empty for a full import
     */
    static Parsed parse(String text, Set<String> known) {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String header = lines.length == 0 ? "" : lines[0].replace("\uFEFF", "").trim();
        if (!split(header).equals(COLUMNS)) {
            problems.add(new Problem(1, "header", "the first line must be exactly " + String.join(",", COLUMNS)
                + " (was '" + shorten(header) + "')"));
            return new Parsed(rows, problems);
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = split(lines[i]);
            if (cells.size() != COLUMNS.size()) {
                problems.add(new Problem(line, "line", "expected " + COLUMNS.size() + " columns, found "
                    + cells.size()));
                continue;
            }
            String id = cells.get(0).trim();
            if (!ID.matcher(id).matches()) {
                problems.add(new Problem(line, "id", id.isEmpty() ? "id is missing"
                    : "id '" + shorten(id) + "' may only contain letters and digits (at most 64)"));
            } else if (firstLine.containsKey(id)) {
                problems.add(new Problem(line, "id", "duplicate id '" + id + "' (first on line "
                    + firstLine.get(id) + ")"));
                continue;
            } else {
                firstLine.put(id, line);
            }
            String name = cells.get(1).trim();
            if (name.isEmpty() || name.length() > 200) {
                problems.add(new Problem(line, "name", name.isEmpty() ? "name is missing"
                    : "name must be at most 200 characters"));
            }
            String email = cells.get(2).trim();
            if (email.isEmpty()) {
                problems.add(new Problem(line, "email", "email is missing"));
            } else if (!EMAIL.matcher(email).matches() || email.length() > 320) {
                problems.add(new Problem(line, "email", "email '" + shorten(email) + "' is not an e-mail address"));
            }
            LocalDate hireDate = null;
            try {
                hireDate = LocalDate.parse(cells.get(5).trim());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(line, "hireDate", "bad date '" + shorten(cells.get(5).trim())
                    + "' in hireDate (expected yyyy-MM-dd, e.g. 2024-03-01)"));
            }
            String type = cells.get(6).trim();
            if (!EMPLOYMENT_TYPES.contains(type)) {
                problems.add(new Problem(line, "employmentType", "employmentType '" + shorten(type)
                    + "' must be one of fixed-term, permanent, probation"));
            }
            String jobTitle = cells.get(7).trim();
            if (jobTitle.length() > 200) {
                problems.add(new Problem(line, "jobTitle", "jobTitle must be at most 200 characters"));
            }
            rows.add(new Row(line, id, name, email, blankToNull(cells.get(3)), blankToNull(cells.get(4)), hireDate,
                type, jobTitle.isEmpty() ? null : jobTitle));
        }
        Map<String, Row> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.putIfAbsent(r.id(), r));
        for (Row row : rows) {
            if (row.managerId() != null && !byId.containsKey(row.managerId()) && !known.contains(row.managerId())) {
                problems.add(new Problem(row.line(), "managerId", "unknown manager '" + shorten(row.managerId())
                    + "'"));
            }
            if (row.hrPartnerId() != null && !byId.containsKey(row.hrPartnerId())
                && !known.contains(row.hrPartnerId())) {
                problems.add(new Problem(row.line(), "hrPartnerId", "unknown HR partner '"
                    + shorten(row.hrPartnerId()) + "'"));
            }
        }
        problems.addAll(cycles(byId));
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Parsed(rows, problems);
    }

    /** Everyone whose chain of managers comes back to themself. */
    private static List<Problem> cycles(Map<String, Row> byId) {
        List<Problem> problems = new ArrayList<>();
        Set<String> clear = new HashSet<>();
        for (Row row : byId.values()) {
            List<String> chain = new ArrayList<>();
            Set<String> onChain = new HashSet<>();
            String current = row.id();
            while (current != null && byId.containsKey(current) && !clear.contains(current)) {
                if (!onChain.add(current)) {
                    if (current.equals(row.id())) {
                        chain.add(current);
                        problems.add(new Problem(row.line(), "managerId", "cycle in the reporting lines: "
                            + String.join(" → ", chain)));
                    }
                    break;
                }
                chain.add(current);
                current = byId.get(current).managerId();
            }
            if (current == null || !byId.containsKey(current) || clear.contains(current)) {
                clear.addAll(onChain);
            }
        }
        return problems;
    }

    /** One CSV line: commas separate, double quotes may enclose a cell ("" is a quote inside). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private OrgCsv() {
    }
}
