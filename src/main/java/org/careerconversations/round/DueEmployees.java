package org.careerconversations.round;

import java.time.LocalDate;
import java.util.List;
import org.careerconversations.organisation.Employee;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The employees a round starts a conversation for, in id order. */
interface DueEmployees extends Repository<Employee, String> {

    @Query("""
        select e.id from Employee e
        where e.active = true and e.managerId is not null and e.id > :after
          and (:team is null or e.managerId = :team)
          and ((e.nextConversationDue is not null and e.nextConversationDue <= :horizon)
               or (e.nextConversationDue is null and e.hireDate <= :hireCutoff))
          and not exists (select c.id from Conversation c where c.employeeId = e.id
                          and c.status not in (org.careerconversations.conversation.ConversationStatus.AGREED,
                                               org.careerconversations.conversation.ConversationStatus.CANCELLED))
        order by e.id""")
    List<String> find(String after, LocalDate horizon, LocalDate hireCutoff, String team, Pageable page);
}
