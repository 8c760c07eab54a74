package org.careerconversations.conversation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The conversations. Every query is written out in JPQL: Hibernate keeps those translated, while a query
 * derived from a method name is translated to SQL again on every call (these run at every start and step).
 */
public interface ConversationRepository extends JpaRepository<Conversation, Long> {

    @Query("select c from Conversation c where c.businessKey = :businessKey")
    Optional<Conversation> findByBusinessKey(String businessKey);

    @Query("select c from Conversation c where c.processInstanceId = :processInstanceId")
    Optional<Conversation> findByProcessInstanceId(String processInstanceId);

    /** Every conversation of the employee, the latest cycle first. */
    @Query("select c from Conversation c where c.employeeId = :employeeId order by c.cycle desc")
    List<Conversation> findByEmployeeIdOrderByCycleDesc(String employeeId);
}
