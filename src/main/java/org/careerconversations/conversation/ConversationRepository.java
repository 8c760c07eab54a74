package org.careerconversations.conversation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ConversationRepository extends JpaRepository<Conversation, Long> {

    Optional<Conversation> findByBusinessKey(String businessKey);

    Optional<Conversation> findByProcessInstanceId(String processInstanceId);

    /** Every conversation of the employee, the latest cycle first. */
    List<Conversation> findByEmployeeIdOrderByCycleDesc(String employeeId);

    @Query("select coalesce(max(c.cycle), 0) from Conversation c where c.employeeId = ?1")
    int lastCycleOf(String employeeId);

    @Query("select c from Conversation c where c.employeeId = ?1 and c.status not in "
        + "(org.careerconversations.conversation.ConversationStatus.AGREED, "
        + "org.careerconversations.conversation.ConversationStatus.CANCELLED)")
    List<Conversation> findOpenOf(String employeeId);

    Optional<Conversation> findFirstByEmployeeIdAndStatusOrderByCycleDesc(String employeeId,
                                                                         ConversationStatus status);
}
