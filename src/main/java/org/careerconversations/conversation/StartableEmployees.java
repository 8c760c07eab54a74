package org.careerconversations.conversation;

import java.util.List;
import org.careerconversations.process.StartFormOptions;
import org.careerconversations.security.Groups;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The start form's choice of employee ({@code "valuesKey": "startableEmployees"}): by name, exactly the people
 * the caller may start a career conversation for ({@link ConversationService#mayStart}) — their direct reports,
 * the people they are HR partner of, or, for an administrator, everyone with a manager. Someone who has a
 * conversation in progress is listed with that note; choosing them gets the refusal that says why.
 */
@Component
class StartableEmployees implements StartFormOptions.Source {

    private final NamedParameterJdbcTemplate jdbc;

    StartableEmployees(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String valuesKey() {
        return "startableEmployees";
    }

    @Override
    public List<StartFormOptions.Option> options(String userId, List<String> groups) {
        MapSqlParameterSource params = new MapSqlParameterSource("me", userId)
            .addValue("everyone", groups.contains(Groups.ADMINS));
        return jdbc.query("select e.id, e.name, e.job_title, (select count(*) from conversation c"
                + " where c.employee_id = e.id and c.status not in ('AGREED', 'CANCELLED')) in_progress"
                + " from employee e where e.active = true and e.manager_id is not null"
                + " and (:everyone = true or e.manager_id = :me or e.hr_partner_id = :me)"
                + " order by e.name, e.id", params,
            (rs, i) -> new StartFormOptions.Option(rs.getString("name")
                + (rs.getString("job_title") == null ? "" : ", " + rs.getString("job_title"))
                + (rs.getLong("in_progress") > 0 ? " (a conversation is in progress)" : ""), rs.getString("id")));
    }

    @Override
    public String whenEmpty() {
        return "There is nobody you can start a career conversation for: that is for the manager or the HR partner "
            + "of the employee.";
    }
}
