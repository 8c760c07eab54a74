package org.careerconversations.process;

/**
 * Names of the process variables of {@code CareerConversation}; form field keys use the same names
 * (see docs/process-variables.md).
 */
public final class ProcessVariables {

    // set by the app
    public static final String EMPLOYEE_ID = "employeeId";
    public static final String EMPLOYEE_NAME = "employeeName";
    public static final String MANAGER_ID = "managerId";
    public static final String MANAGER_NAME = "managerName";
    public static final String HR_PARTNER_ID = "hrPartnerId";
    public static final String HR_PARTNER_NAME = "hrPartnerName";
    public static final String CYCLE = "cycle";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String PREVIOUS_PLAN_SUMMARY = "previousPlanSummary";
    public static final String MEETING_STARTS_AT = "meetingStartsAt";
    public static final String RESCHEDULE_COUNT = "rescheduleCount";
    public static final String REJECTION_COUNT = "rejectionCount";
    public static final String EMPLOYEE_PREPARED = "employeePrepared";
    public static final String MANAGER_PREPARED = "managerPrepared";
    public static final String CONVERSATION_OUTCOME = "conversationOutcome";
    public static final String CADENCE = "cadence";
    public static final String MONTHS_TO_NEXT = "monthsToNext";
    public static final String CHECK_IN_WEEKS = "checkInWeeks";
    public static final String HR_JOINS = "hrJoins";
    public static final String CADENCE_REASON = "cadenceReason";
    public static final String NEXT_CONVERSATION_DUE = "nextConversationDue";

    // ReviewCadence inputs
    public static final String EMPLOYMENT_TYPE = "employmentType";
    public static final String TENURE_MONTHS = "tenureMonths";

    // schedule
    public static final String MEETING_AT = "meetingAt";
    public static final String MEETING_PLACE = "meetingPlace";
    // employee preparation
    public static final String AMBITIONS_SHORT_TERM = "ambitionsShortTerm";
    public static final String AMBITIONS_LONG_TERM = "ambitionsLongTerm";
    public static final String WENT_WELL = "wentWell";
    public static final String STRENGTHS = "strengths";
    public static final String DEVELOPMENT_NEEDS = "developmentNeeds";
    public static final String TOPICS = "topics";
    public static final String SUPPORT_WANTED = "supportWanted";
    public static final String JOB_SATISFACTION = "jobSatisfaction";
    public static final String EARLIER_TALK_WISHED = "earlierTalkWished";
    // manager preparation
    public static final String PREVIOUS_PLAN_PROGRESS = "previousPlanProgress";
    public static final String STRENGTHS_OBSERVED = "strengthsObserved";
    public static final String AREAS_TO_GROW = "areasToGrow";
    public static final String PROPOSED_GOALS = "proposedGoals";
    // hold
    public static final String MEETING_OUTCOME = "meetingOutcome";
    public static final String OUTCOME_NOTE = "outcomeNote";
    /** When it actually took place; prefilled with the planned time when the meeting is scheduled. */
    public static final String MEETING_HELD_AT = "meetingHeldAt";
    // document
    public static final String GOALS = "goals";
    public static final String DEVELOPMENT_ACTIONS = "developmentActions";
    public static final String FEEDBACK_SUMMARY = "feedbackSummary";
    public static final String CAREER_ASPIRATIONS = "careerAspirations";
    public static final String PERFORMANCE_SIGNAL = "performanceSignal";
    public static final String RETENTION_RISK = "retentionRisk";
    // sign-off and HR
    public static final String SIGN_OFF_DECISION = "signOffDecision";
    public static final String CHANGE_REQUEST = "changeRequest";
    public static final String MEDIATION_DECISION = "mediationDecision";
    public static final String MEDIATION_NOTE = "mediationNote";
    public static final String RESCHEDULING_DECISION = "reschedulingDecision";
    public static final String RESCHEDULING_NOTE = "reschedulingNote";

    private ProcessVariables() {
    }
}
