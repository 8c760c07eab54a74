package org.careerconversations.followup;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Why and when a plan got a new version (the versions themselves are in goal and development_action). */
@Entity
@Table(name = "plan_revision")
class PlanRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long conversationId;
    private int version;
    private String reason;
    private String requestedBy;
    private Instant agreedAt;

    protected PlanRevision() {
    }

    PlanRevision(long conversationId, int version, String reason, String requestedBy, Instant agreedAt) {
        this.conversationId = conversationId;
        this.version = version;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.agreedAt = agreedAt;
    }
}
