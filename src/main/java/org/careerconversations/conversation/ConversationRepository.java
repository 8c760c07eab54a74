package org.careerconversations.conversation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversationRepository extends JpaRepository<Conversation, Long> {

    Optional<Conversation> findByBusinessKey(String businessKey);

    Optional<Conversation> findByProcessInstanceId(String processInstanceId);

    /** Every conversation of the employee, the latest cycle first. */
    List<Conversation> findByEmployeeIdOrderByCycleDesc(String employeeId);
}
