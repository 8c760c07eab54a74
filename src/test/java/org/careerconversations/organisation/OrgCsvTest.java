package org.careerconversations.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.Set;
import org.careerconversations.organisation.OrgCsv.Parsed;
import org.careerconversations.organisation.OrgCsv.Problem;
import org.junit.jupiter.api.Test;

/** The organisation file's rules, line by line, without a database or Spring. */
class OrgCsvTest {

    private static final String HEADER = "id,name,email,managerId,hrPartnerId,hireDate,employmentType,jobTitle\n";

    @Test
    void aGoodFileIsReadWithQuotedCellsBlankLinesAndAByteOrderMark() {
        Parsed parsed = OrgCsv.parse("\uFEFF" + HEADER
            + "dora,Dora Dijkstra,dora@example.org,,hanna,2015-02-01,permanent,Director\r\n"
            + "\n"
            + "maria,\"Mendes, Maria\",maria@example.org,dora,hanna,2019-05-01,permanent,\"Lead \"\"A\"\" team\"\n",
            Set.of("hanna"));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.rows()).extracting(OrgCsv.Row::id, OrgCsv.Row::name, OrgCsv.Row::managerId,
                OrgCsv.Row::jobTitle, OrgCsv.Row::line)
            .containsExactly(
                tuple("dora", "Dora Dijkstra", null, "Director", 2),
                tuple("maria", "Mendes, Maria", "dora", "Lead \"A\" team", 4));
        assertThat(parsed.rows().get(1).hireDate()).isEqualTo(LocalDate.of(2019, 5, 1));
    }

    @Test
    void aWrongHeaderIsTheOnlyProblemReported() {
        Parsed parsed = OrgCsv.parse("id;name;email\nx;y;z\n", Set.of());
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).startsWith("the first line must be exactly id,name,email,managerId");
        });
        assertThat(parsed.rows()).isEmpty();
    }

    @Test
    void everyBrokenRuleIsReportedWithItsLineAndField() {
        Parsed parsed = OrgCsv.parse(HEADER
            + "ann,Ann,ann@example.org,,,2020-01-01,permanent,\n"
            + "ann,Ann Again,ann2@example.org,,,2020-01-01,permanent,\n"
            + "bo-b,,not-an-address,nobody,ghost,01/02/2020,intern,\n"
            + "too,few,columns\n", Set.of());

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.problems()).extracting(Problem::line, Problem::field).containsExactly(
            tuple(3, "id"),
            tuple(4, "id"),
            tuple(4, "name"),
            tuple(4, "email"),
            tuple(4, "hireDate"),
            tuple(4, "employmentType"),
            tuple(4, "managerId"),
            tuple(4, "hrPartnerId"),
            tuple(5, "line"));
        assertThat(parsed.problems()).extracting(Problem::message).contains(
            "duplicate id 'ann' (first on line 2)",
            "id 'bo-b' may only contain letters and digits (at most 64)",
            "email 'not-an-address' is not an e-mail address",
            "bad date '01/02/2020' in hireDate (expected yyyy-MM-dd, e.g. 2024-03-01)",
            "employmentType 'intern' must be one of fixed-term, permanent, probation",
            "unknown manager 'nobody'",
            "expected 8 columns, found 3");
    }

    @Test
    void aManagerNamedOnlyInTheOrganisationCountsInAPartialImport() {
        String file = HEADER + "zoe,Zoe Zand,zoe@example.org,maria,hanna,2024-01-01,probation,\n";
        assertThat(OrgCsv.parse(file, Set.of("maria", "hanna")).problems()).isEmpty();
        assertThat(OrgCsv.parse(file, Set.of()).problems()).extracting(Problem::message)
            .containsExactly("unknown manager 'maria'", "unknown HR partner 'hanna'");
    }

    @Test
    void aCycleInTheReportingLinesNamesTheChain() {
        Parsed parsed = OrgCsv.parse(HEADER
            + "a,A A,a@example.org,c,,2020-01-01,permanent,\n"
            + "b,B B,b@example.org,a,,2020-01-01,permanent,\n"
            + "c,C C,c@example.org,b,,2020-01-01,permanent,\n"
            + "d,D D,d@example.org,a,,2020-01-01,permanent,\n", Set.of());

        assertThat(parsed.problems()).extracting(Problem::line, Problem::message).containsExactly(
            tuple(2, "cycle in the reporting lines: a → c → b → a"),
            tuple(3, "cycle in the reporting lines: b → a → c → b"),
            tuple(4, "cycle in the reporting lines: c → b → a → c"));
    }
}
