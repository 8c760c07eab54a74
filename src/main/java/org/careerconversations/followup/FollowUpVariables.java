package org.careerconversations.followup;

/** Names of the follow-up's process variables (docs/process-variables.md, "Follow-up"). */
final class FollowUpVariables {

    static final String LAST_CHECK_IN_SUMMARY = "lastCheckInSummary";
    static final String LAST_CHECK_IN_AT = "lastCheckInAt";
    static final String FOLLOW_UP_SINCE = "followUpSince";
    static final String CHECK_IN_NUMBER = "checkInNumber";
    static final String NEXT_CHECK_IN_AT = "nextCheckInAt";
    static final String EMPLOYEE_PROGRESS = "employeeProgress";
    static final String MANAGER_PROGRESS = "managerProgress";
    static final String EMPLOYEE_OBSTACLES = "employeeObstacles";
    static final String MANAGER_OBSTACLES = "managerObstacles";
    static final String EMPLOYEE_PLAN_NEEDS_REVISING = "employeePlanNeedsRevising";
    static final String MANAGER_PLAN_NEEDS_REVISING = "managerPlanNeedsRevising";
    static final String PLAN_NEEDS_REVISING = "planNeedsRevising";
    static final String REVISION_REASON = "revisionReason";
    static final String REVISION_REQUESTED_BY = "revisionRequestedBy";
    /** What the revise-plan form shows: the person's name, or which check-in asked for it. */
    static final String REVISION_REQUESTED_BY_NAME = "revisionRequestedByName";
    static final String REVISION_DECISION = "revisionDecision";
    static final String REVISION_COMMENT = "revisionComment";
    static final String PLAN_VERSION = "planVersion";

    static final String MESSAGE_PLAN_REVISION_REQUESTED = "PlanRevisionRequested";
    static final String MESSAGE_NEXT_CYCLE_STARTED = "NextCycleStarted";

    private FollowUpVariables() {
    }
}
