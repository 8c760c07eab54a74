package org.careerconversations.round;

import java.util.List;
import org.careerconversations.process.StartFormOptions;
import org.careerconversations.security.Groups;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The round's start form's choice of team ({@code "valuesKey": "roundManagers"}): by name, the managers of the
 * people the caller is HR partner of (of everyone, for an administrator), with the size of their team.
 */
@Component
class RoundManagers implements StartFormOptions.Source {

    private final NamedParameterJdbcTemplate jdbc;

    RoundManagers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String valuesKey() {
        return "roundManagers";
    }

    @Override
    public List<StartFormOptions.Option> options(String userId, List<String> groups) {
        MapSqlParameterSource params = new MapSqlParameterSource("me", userId)
            .addValue("everyone", groups.contains(Groups.ADMINS));
        return jdbc.query("select m.id, m.name, count(*) reports from employee e join employee m on m.id = e.manager_id"
                + " where e.active = true and (:everyone = true or e.hr_partner_id = :me)"
                + " group by m.id, m.name order by m.name, m.id", params,
            (rs, i) -> new StartFormOptions.Option(rs.getString("name") + " (" + rs.getLong("reports")
                + (rs.getLong("reports") == 1 ? " person)" : " people)"), rs.getString("id")));
    }

    @Override
    public String whenEmpty() {
        return "You are nobody's HR partner, so there is no team to choose: the round covers everyone who is due.";
    }
}
