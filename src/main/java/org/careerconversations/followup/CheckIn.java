package org.careerconversations.followup;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one side (employee or manager) said at one check-in. */
@Entity
@Table(name = "check_in")
class CheckIn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long conversationId;
    private int number;
    private String authorRole;
    private String authorId;
    private String obstacles;
    private boolean planNeedsRevising;
    private Instant recordedAt;
    @OneToMany(mappedBy = "checkIn", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<CheckInProgress> progress = new ArrayList<>();

    protected CheckIn() {
    }

    CheckIn(long conversationId, int number, String authorRole, String authorId, String obstacles,
            boolean planNeedsRevising, Instant recordedAt) {
        this.conversationId = conversationId;
        this.number = number;
        this.authorRole = authorRole;
        this.authorId = authorId;
        this.obstacles = obstacles;
        this.planNeedsRevising = planNeedsRevising;
        this.recordedAt = recordedAt;
    }

    void addProgress(long actionId, String status, String note) {
        progress.add(new CheckInProgress(this, actionId, status, note));
    }

    int getNumber() {
        return number;
    }

    String getAuthorRole() {
        return authorRole;
    }

    String getObstacles() {
        return obstacles;
    }

    boolean isPlanNeedsRevising() {
        return planNeedsRevising;
    }

    List<CheckInProgress> getProgress() {
        return progress;
    }
}
