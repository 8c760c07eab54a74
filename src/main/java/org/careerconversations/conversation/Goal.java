package org.careerconversations.conversation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An agreed goal: what, how success is measured, by when. */
@Entity
@Table(name = "goal")
public class Goal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;
    private int position;
    private int planVersion;
    private String goal;
    private String measure;
    private LocalDate targetDate;

    protected Goal() {
    }

    Goal(Conversation conversation, int planVersion, int position, String goal, String measure,
         LocalDate targetDate) {
        this.conversation = conversation;
        this.planVersion = planVersion;
        this.position = position;
        this.goal = goal;
        this.measure = measure;
        this.targetDate = targetDate;
    }

    public String getGoal() {
        return goal;
    }

    public String getMeasure() {
        return measure;
    }

    public LocalDate getTargetDate() {
        return targetDate;
    }

    public int getPlanVersion() {
        return planVersion;
    }

    public int getPosition() {
        return position;
    }
}
