package org.careerconversations.conversation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A concrete step of the development plan: training, mentoring, a stretch assignment or other. */
@Entity
@Table(name = "development_action")
public class DevelopmentAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;
    private int position;
    private int planVersion;
    private String action;
    private String kind;
    private LocalDate dueDate;
    private String support;
    private String status = "not-started";

    protected DevelopmentAction() {
    }

    DevelopmentAction(Conversation conversation, int planVersion, int position, String action, String kind,
                      LocalDate dueDate, String support, String status) {
        this.conversation = conversation;
        this.planVersion = planVersion;
        this.status = status;
        this.position = position;
        this.action = action;
        this.kind = kind;
        this.dueDate = dueDate;
        this.support = support;
    }

    public static final String DONE = "done";
    public static final String NOT_STARTED = "not-started";

    public Long getId() {
        return id;
    }

    public int getPlanVersion() {
        return planVersion;
    }

    /** Progress reported at a check-in; an action once done stays done. */
    public void recordProgress(String newStatus) {
        if (!DONE.equals(status)) {
            this.status = newStatus;
        }
    }

    public String getAction() {
        return action;
    }

    public String getKind() {
        return kind;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getSupport() {
        return support;
    }

    public String getStatus() {
        return status;
    }

    public int getPosition() {
        return position;
    }
}
