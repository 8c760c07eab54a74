package org.careerconversations.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The people of a benchmark run: the project's synthetic org-10k.csv when it is big enough, otherwise a
 * generated organisation in the same CSV format (a director, one HR partner for everyone, teams of eight).
 */
final class Organisations {

    static final int ORG_10K_PEOPLE_WITH_MANAGER = 9_000;   // a safe lower bound of the file's people with a manager

    static String csvFor(int people) {
        if (people <= ORG_10K_PEOPLE_WITH_MANAGER) {
            try (InputStream in = Organisations.class.getResourceAsStream("/org/org-10k.csv")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return generate(people + 2);
    }

    /** Deterministic: person i reports to person (i-1)/8; b0000001 is everyone's HR partner. */
    static String generate(int size) {
        StringBuilder csv = new StringBuilder("id,name,email,managerId,hrPartnerId,hireDate,employmentType,jobTitle\n");
        String[] first = {"Ada", "Ben", "Cleo", "Dirk", "Eva", "Finn", "Greta", "Hugo", "Ines", "Jan"};
        String[] last = {"Visser", "Smit", "Bakker", "Jansen", "de Vries", "Mulder", "Bos", "Meijer"};
        LocalDate base = LocalDate.of(2012, 1, 1);
        for (int i = 0; i < size; i++) {
            String id = id(i);
            String manager = i == 0 ? "" : id((i - 1) / 8);
            String type = i % 7 == 0 ? "fixed-term" : "permanent";
            String title = i == 0 ? "Director" : i == 1 ? "HR Partner" : (8L * i + 1 < size ? "Manager" : "Engineer");
            csv.append(id).append(',').append(first[i % first.length]).append(' ').append(last[(i / 10) % last.length])
                .append(' ').append(i).append(',').append(id).append("@example.org,").append(manager).append(',')
                .append(id(1)).append(',').append(base.plusDays(i % 3000)).append(',').append(type).append(',')
                .append(title).append('\n');
        }
        return csv.toString();
    }

    private static String id(int i) {
        return String.format("b%07d", i);
    }

    private Organisations() {
    }
}
