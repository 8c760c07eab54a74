package org.careerconversations.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.security.Groups;
import org.careerconversations.security.Handover;
import org.careerconversations.security.Lockout;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A data-subject request for erasure, on H2 (PostgresErasureTest: the same on PostgreSQL). */
class ErasureTest extends AppTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Handover handover;
    @Autowired
    Lockout lockout;

    @Test
    void twoLeaversAreErasedFromEveryTableAndEveryoneElseKeepsTheirData() {
        new ErasureScenario(engine, jdbc, dataSource, handover, lockout, rest()).run();
    }

    @Test
    void onlyTheirHrPartnerOrAnAdministratorErases() {
        Conversations.hire(jdbc, engine, "holly", "Holly Hale", null, null, Groups.HR);
        Conversations.hire(jdbc, engine, "oskar", "Oskar Quist", "maria", "hanna", Groups.EMPLOYEES);
        try {
            jdbc.update("update employee set active = false where id = 'oskar'");
            for (String user : List.of("oskar", "maria", "erik", "hugo", "holly")) {
                assertThat(rest().as(user).delete("/api/employees/oskar/personal-data").status()).as(user)
                    .isEqualTo(403);
            }
            assertThat(rest().delete("/api/employees/oskar/personal-data").status()).isEqualTo(401);
            assertThat(jdbc.queryForObject("select count(*) from employee where id = 'oskar'", Integer.class)).isOne();
            assertThat(rest().as("admin").delete("/api/employees/oskar/personal-data").status()).isEqualTo(200);
            assertThat(rest().as("admin").delete("/api/employees/oskar/personal-data").status()).isEqualTo(404);
        } finally {
            Conversations.fire(jdbc, engine, "oskar", "holly");
        }
    }
}
