package org.careerconversations.process;

/**
 * Names of the process variables of the app's processes, in one place for the models, the forms, the code and
 * the tests; a form field's key is the variable's name (docs/process-variables.md lists them all).
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
    /** ReviewCadence's answer (Task_DecideCadence's result variable): a map of its outputs, {@link CadenceOutput}. */
    public static final String CADENCE = "cadence";

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
    /** The plan as people read it, for the read-only parts of the forms (conversation/ReadablePlan). */
    public static final String PLAN_ON_RECORD = "planOnRecord";

    // follow-up
    public static final String CHECK_IN_NUMBER = "checkInNumber";
    public static final String NEXT_CHECK_IN_AT = "nextCheckInAt";
    public static final String LAST_CHECK_IN_AT = "lastCheckInAt";
    public static final String LAST_CHECK_IN_SUMMARY = "lastCheckInSummary";
    public static final String EMPLOYEE_PROGRESS = "employeeProgress";
    public static final String MANAGER_PROGRESS = "managerProgress";
    public static final String EMPLOYEE_OBSTACLES = "employeeObstacles";
    public static final String MANAGER_OBSTACLES = "managerObstacles";
    public static final String EMPLOYEE_PLAN_NEEDS_REVISING = "employeePlanNeedsRevising";
    public static final String MANAGER_PLAN_NEEDS_REVISING = "managerPlanNeedsRevising";
    public static final String PLAN_NEEDS_REVISING = "planNeedsRevising";
    public static final String REVISION_REASON = "revisionReason";
    public static final String REVISION_REQUESTED_BY = "revisionRequestedBy";
    /** What the revise-plan form shows: the person's name, or which check-in asked for it. */
    public static final String REVISION_REQUESTED_BY_NAME = "revisionRequestedByName";
    public static final String REVISION_DECISION = "revisionDecision";
    public static final String REVISION_COMMENT = "revisionComment";
    public static final String PLAN_VERSION = "planVersion";

    /** The outputs of ReviewCadence (dmn/review-cadence.dmn) in {@link #CADENCE}. */
    public static final class CadenceOutput {
        public static final String MONTHS_TO_NEXT = "monthsToNext";
        public static final String CHECK_IN_WEEKS = "checkInWeeks";
        public static final String HR_JOINS = "hrJoins";
        /** Why the next conversation comes when it does, in the employee's words. */
        public static final String REASON = "reason";

        private CadenceOutput() {
        }
    }

    /** The fields of one row of {@link #GOALS}. */
    public static final class GoalRow {
        public static final String GOAL = "goal";
        public static final String MEASURE = "measure";
        public static final String TARGET_DATE = "targetDate";

        private GoalRow() {
        }
    }

    /**
     * The fields of one row of {@link #DEVELOPMENT_ACTIONS}; the revision form's rows also carry the action's
     * id in the current plan and its progress.
     */
    public static final class ActionRow {
        public static final String ACTION_ID = "actionId";
        public static final String ACTION = "action";
        public static final String KIND = "kind";
        public static final String DUE_DATE = "dueDate";
        public static final String SUPPORT = "support";
        public static final String STATUS = "status";

        private ActionRow() {
        }
    }

    /** The fields of one row of {@link #EMPLOYEE_PROGRESS} and {@link #MANAGER_PROGRESS}. */
    public static final class ProgressRow {
        public static final String ACTION_ID = "actionId";
        public static final String ACTION = "action";
        public static final String STATUS = "status";
        public static final String NOTE = "note";

        private ProgressRow() {
        }
    }

    // TaskReminders: the escalation of an overdue task
    public static final String OVERDUE_TASK_NAME = "overdueTaskName";
    public static final String OVERDUE_ASSIGNEE = "overdueAssignee";
    public static final String OVERDUE_ASSIGNEE_NAME = "overdueAssigneeName";
    public static final String OVERDUE_DUE_DATE = "overdueDueDate";
    public static final String OVERDUE_MANAGER_ID = "overdueManagerId";
    public static final String OVERDUE_HR_PARTNER_ID = "overdueHrPartnerId";
    public static final String FOLLOW_UP_NOTE = "followUpNote";

    // CycleScheduler: a round, divided into chunks that run as parallel jobs
    public static final String TEAM_OF_MANAGER_ID = "teamOfManagerId";
    public static final String LEAD_DAYS = "leadDays";
    public static final String HORIZON = "horizon";
    public static final String CHUNKS = "chunks";
    /** Set by the engine on each chunk of the multi-instance sub-process: the chunk's number − 1. */
    public static final String LOOP_COUNTER = "loopCounter";
    public static final String STARTED = "started";
    public static final String SKIPPED = "skipped";
    public static final String FAILED_ATTEMPTS = "failedAttempts";
    public static final String INTERRUPTION = "interruption";
    public static final String STARTED_COUNT = "startedCount";
    public static final String SKIPPED_COUNT = "skippedCount";
    public static final String CHUNKS_DONE = "chunksDone";
    public static final String INTERRUPTIONS = "interruptions";
    public static final String LAST_INTERRUPTION = "lastInterruption";
    /** Of a round begun before rounds were divided: where its next chunk goes on, and whether one follows. */
    public static final String LAST_EMPLOYEE_ID = "lastEmployeeId";
    public static final String MORE_EMPLOYEES = "moreEmployees";

    // SendNotification
    /** The row of the notification table that the instance delivers. */
    public static final String NOTIFICATION_ID = "notificationId";

    private ProcessVariables() {
    }
}
