package org.careerconversations.conversation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.Documentation;
import org.careerconversations.conversation.Preparations.EmployeePreparation;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.careerconversations.conversation.Preparations.ManagerPreparation;

/**
 * One cycle of one employee's career conversation: the record of truth behind a CareerConversation
 * process instance. Once agreed (or cancelled) its content can no longer change.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String businessKey;
    private String processInstanceId;
    private String employeeId;
    private String managerId;
    private String hrPartnerId;
    private int cycle;
    @Enumerated(EnumType.STRING)
    private ConversationStatus status;
    private Instant openedAt;
    private Instant scheduledAt;
    private String meetingPlace;
    private int rescheduleCount;
    private String outcomeNote;

    private Boolean employeePrepared;
    private String ambitionsShortTerm;
    private String ambitionsLongTerm;
    private String wentWell;
    private String strengths;
    private String developmentNeeds;
    private String topics;
    private String supportWanted;
    private Integer jobSatisfaction;
    private Boolean earlierTalkWished;

    private Boolean managerPrepared;
    private String previousPlanProgress;
    private String strengthsObserved;
    private String areasToGrow;
    private String proposedGoals;

    private String feedbackSummary;
    private String careerAspirations;
    private String performanceSignal;
    private String retentionRisk;
    private Instant documentedAt;

    private int rejectionCount;
    private String changeRequest;
    private String mediationNote;
    private Instant signedOffAt;
    private Instant closedAt;

    private Integer monthsToNext;
    private Integer checkInWeeks;
    private Boolean hrJoins;
    private String cadenceReason;
    private LocalDate nextConversationDue;
    private int planVersion = 1;
    private Instant followUpEndedAt;
    private String followUpEndReason;

    @OneToMany(mappedBy = "conversation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Goal> goals = new ArrayList<>();
    @OneToMany(mappedBy = "conversation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DevelopmentAction> developmentActions = new ArrayList<>();

    @Version
    private long version;

    protected Conversation() {
    }

    Conversation(String employeeId, String managerId, String hrPartnerId, int cycle, Instant openedAt) {
        this.employeeId = employeeId;
        this.managerId = managerId;
        this.hrPartnerId = hrPartnerId;
        this.cycle = cycle;
        this.businessKey = businessKey(employeeId, cycle);
        this.status = ConversationStatus.SCHEDULING;
        this.openedAt = openedAt;
    }

    static String businessKey(String employeeId, int cycle) {
        return employeeId + "-" + cycle;
    }

    void linkTo(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void schedule(Instant meetingAt, String place) {
        requireOpen();
        this.scheduledAt = meetingAt;
        this.meetingPlace = place;
        this.status = ConversationStatus.PREPARING;
    }

    void recordEmployeePreparation(EmployeePreparation p) {
        requireOpen();
        this.employeePrepared = true;
        this.ambitionsShortTerm = p.ambitionsShortTerm();
        this.ambitionsLongTerm = p.ambitionsLongTerm();
        this.wentWell = p.wentWell();
        this.strengths = p.strengths();
        this.developmentNeeds = p.developmentNeeds();
        this.topics = p.topics();
        this.supportWanted = p.supportWanted();
        this.jobSatisfaction = p.jobSatisfaction();
        this.earlierTalkWished = p.earlierTalkWished();
    }

    void recordManagerPreparation(ManagerPreparation p) {
        requireOpen();
        this.managerPrepared = true;
        this.previousPlanProgress = p.previousPlanProgress();
        this.strengthsObserved = p.strengthsObserved();
        this.areasToGrow = p.areasToGrow();
        this.proposedGoals = p.proposedGoals();
    }

    void recordEmployeeNotPrepared() {
        requireOpen();
        this.employeePrepared = false;
    }

    void recordManagerNotPrepared() {
        requireOpen();
        this.managerPrepared = false;
    }

    void held() {
        requireOpen();
        this.status = ConversationStatus.DOCUMENTING;
    }

    void rescheduled(String note) {
        requireOpen();
        this.rescheduleCount++;
        this.outcomeNote = note;
        this.status = ConversationStatus.SCHEDULING;
    }

    void cancel(String reason, Instant at) {
        requireOpen();
        this.outcomeNote = reason;
        this.status = ConversationStatus.CANCELLED;
        this.closedAt = at;
    }

    void document(Documentation d, Instant at) {
        requireOpen();
        goals.clear();
        developmentActions.clear();
        int position = 0;
        for (GoalInput g : d.goals()) {
            goals.add(new Goal(this, 1, position++, g.goal(), g.measure(), g.targetDate()));
        }
        position = 0;
        for (ActionInput a : d.actions()) {
            developmentActions.add(new DevelopmentAction(this, 1, position++, a.action(), a.kind(), a.dueDate(),
                a.support(), "not-started"));
        }
        this.feedbackSummary = d.feedbackSummary();
        this.careerAspirations = d.careerAspirations();
        this.performanceSignal = d.performanceSignal();
        this.retentionRisk = d.retentionRisk();
        this.documentedAt = at;
        this.status = ConversationStatus.SIGNING_OFF;
    }

    void changesRequested(String request) {
        requireOpen();
        this.rejectionCount++;
        this.changeRequest = request;
        this.status = ConversationStatus.DOCUMENTING;
    }

    void toMediation() {
        requireOpen();
        this.status = ConversationStatus.MEDIATION;
    }

    void mediated(String note, boolean backToManager) {
        requireOpen();
        this.mediationNote = note;
        if (backToManager) {
            this.status = ConversationStatus.DOCUMENTING;
        }
    }

    void agree(Instant at) {
        requireOpen();
        this.status = ConversationStatus.AGREED;
        this.signedOffAt = at;
        this.closedAt = at;
    }

    void recordCadence(int monthsToNext, int checkInWeeks, boolean hrJoins, String reason, LocalDate nextDue) {
        if (status.isOpen()) {
            throw new IllegalStateException("The cadence is decided after the conversation " + businessKey
                + " is agreed or cancelled, not while it is " + status);
        }
        if (this.nextConversationDue != null) {
            throw new IllegalStateException("The cadence of conversation " + businessKey + " is already decided");
        }
        this.monthsToNext = monthsToNext;
        this.checkInWeeks = checkInWeeks;
        this.hrJoins = hrJoins;
        this.cadenceReason = reason;
        this.nextConversationDue = nextDue;
    }

    /**
     * Adds the next version of the agreed plan; earlier versions stay untouched. Actions carried over from
     * the current plan (by id) keep their progress.
     */
    public void revisePlan(List<GoalInput> newGoals, List<ActionInput> newActions) {
        if (status != ConversationStatus.AGREED || followUpEndedAt != null) {
            throw new IllegalStateException("Only the plan of an agreed conversation in follow-up can be revised; "
                + businessKey + " is " + status + (followUpEndedAt == null ? "" : " and its follow-up has ended"));
        }
        List<DevelopmentAction> current = currentActions();
        planVersion++;
        int position = 0;
        for (GoalInput g : newGoals) {
            goals.add(new Goal(this, planVersion, position++, g.goal(), g.measure(), g.targetDate()));
        }
        position = 0;
        for (ActionInput a : newActions) {
            String progress = current.stream().filter(c -> c.getId().equals(a.actionId())).findFirst()
                .map(DevelopmentAction::getStatus).orElse("not-started");
            developmentActions.add(new DevelopmentAction(this, planVersion, position++, a.action(), a.kind(),
                a.dueDate(), a.support(), progress));
        }
    }

    /** The goals of the plan in force (the latest agreed version). */
    public List<Goal> currentGoals() {
        return goals.stream().filter(g -> g.getPlanVersion() == planVersion).toList();
    }

    /** The development actions of the plan in force. */
    public List<DevelopmentAction> currentActions() {
        return developmentActions.stream().filter(a -> a.getPlanVersion() == planVersion).toList();
    }

    /** The follow-up ends: the next cycle started, or the employee left. */
    public void endFollowUp(String reason, Instant at) {
        if (followUpEndedAt == null) {
            this.followUpEndedAt = at;
            this.followUpEndReason = reason;
        }
    }

    public int getPlanVersion() {
        return planVersion;
    }

    public Instant getFollowUpEndedAt() {
        return followUpEndedAt;
    }

    public String getFollowUpEndReason() {
        return followUpEndReason;
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new AgreementLockedException(businessKey, status);
        }
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public Long getId() {
        return id;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getEmployeeId() {
        return employeeId;
    }

    public String getManagerId() {
        return managerId;
    }

    public String getHrPartnerId() {
        return hrPartnerId;
    }

    public int getCycle() {
        return cycle;
    }

    public ConversationStatus getStatus() {
        return status;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public String getMeetingPlace() {
        return meetingPlace;
    }

    public int getRescheduleCount() {
        return rescheduleCount;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getAmbitionsLongTerm() {
        return ambitionsLongTerm;
    }

    public String getStrengths() {
        return strengths;
    }

    public String getDevelopmentNeeds() {
        return developmentNeeds;
    }

    public String getTopics() {
        return topics;
    }

    public String getSupportWanted() {
        return supportWanted;
    }

    public String getPreviousPlanProgress() {
        return previousPlanProgress;
    }

    public String getAreasToGrow() {
        return areasToGrow;
    }

    public String getProposedGoals() {
        return proposedGoals;
    }

    public Instant getDocumentedAt() {
        return documentedAt;
    }

    public Boolean getEmployeePrepared() {
        return employeePrepared;
    }

    public Boolean getManagerPrepared() {
        return managerPrepared;
    }

    public String getAmbitionsShortTerm() {
        return ambitionsShortTerm;
    }

    public String getWentWell() {
        return wentWell;
    }

    public Integer getJobSatisfaction() {
        return jobSatisfaction;
    }

    public Boolean getEarlierTalkWished() {
        return earlierTalkWished;
    }

    public String getStrengthsObserved() {
        return strengthsObserved;
    }

    public String getFeedbackSummary() {
        return feedbackSummary;
    }

    public String getCareerAspirations() {
        return careerAspirations;
    }

    public String getPerformanceSignal() {
        return performanceSignal;
    }

    public String getRetentionRisk() {
        return retentionRisk;
    }

    public int getRejectionCount() {
        return rejectionCount;
    }

    public String getChangeRequest() {
        return changeRequest;
    }

    public String getMediationNote() {
        return mediationNote;
    }

    public Instant getSignedOffAt() {
        return signedOffAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Integer getMonthsToNext() {
        return monthsToNext;
    }

    public Integer getCheckInWeeks() {
        return checkInWeeks;
    }

    public Boolean getHrJoins() {
        return hrJoins;
    }

    public String getCadenceReason() {
        return cadenceReason;
    }

    public LocalDate getNextConversationDue() {
        return nextConversationDue;
    }

    public List<Goal> getGoals() {
        return Collections.unmodifiableList(goals);
    }

    public List<DevelopmentAction> getDevelopmentActions() {
        return Collections.unmodifiableList(developmentActions);
    }
}
