package org.careerconversations.followup;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    List<CheckIn> findByConversationIdAndNumber(long conversationId, int number);

    List<CheckIn> findByConversationIdOrderByNumberAsc(long conversationId);
}

interface PlanRevisionRepository extends JpaRepository<PlanRevision, Long> {
}
