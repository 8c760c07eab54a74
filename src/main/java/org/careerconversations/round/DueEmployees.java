package org.careerconversations.round;

import java.time.LocalDate;
import java.util.List;
import org.careerconversations.organisation.Employee;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The employees a round starts a conversation for, in id order. */
interface DueEmployees extends Repository<Employee, String> {

    /**
     * Everyone due, or only {@code team}'s direct reports, with ids after {@code after} up to and with
     * {@code last} (either may be null: no bound), as many as {@code page} asks for. A round divides them into
     * ranges of ids; each chunk asks again for its range when it runs.
     */
    @Query("""
        select e.id from Employee e
        where e.active = true and e.managerId is not null
          and (:after is null or e.id > :after) and (:last is null or e.id <= :last)
          and (:team is null or e.managerId = :team)
          and ((e.nextConversationDue is not null and e.nextConversationDue <= :horizon)
               or (e.nextConversationDue is null and e.hireDate <= :hireCutoff))
          and not exists (select c.id from Conversation c where c.employeeId = e.id
                          and c.status not in (org.careerconversations.conversation.ConversationStatus.AGREED,
                                               org.careerconversations.conversation.ConversationStatus.CANCELLED))
        order by e.id""")
    List<String> find(String after, String last, LocalDate horizon, LocalDate hireCutoff, String team, Pageable page);
}
