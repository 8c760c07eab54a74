package org.careerconversations.followup;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Progress on one development action, as one side saw it at one check-in. */
@Entity
@Table(name = "check_in_progress")
class CheckInProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "check_in_id")
    private CheckIn checkIn;
    private long developmentActionId;
    private String status;
    private String note;

    protected CheckInProgress() {
    }

    CheckInProgress(CheckIn checkIn, long developmentActionId, String status, String note) {
        this.checkIn = checkIn;
        this.developmentActionId = developmentActionId;
        this.status = status;
        this.note = note;
    }

    long getDevelopmentActionId() {
        return developmentActionId;
    }

    String getStatus() {
        return status;
    }

    String getNote() {
        return note;
    }
}
