package org.careerconversations.process;

/**
 * Keys, element ids and message names of the models in bpmn/ and dmn/ that code and tests refer to: the ids
 * read like the diagram, and the constants read like the ids.
 */
public final class ProcessIds {

    public static final String CAREER_CONVERSATION = "CareerConversation";
    public static final String REVIEW_CADENCE = "ReviewCadence";
    /** Delivers one notification after the step that caused it has committed (bpmn/send-notification.bpmn). */
    public static final String SEND_NOTIFICATION = "SendNotification";
    public static final String TASK_REMINDERS = "TaskReminders";
    public static final String REMINDER_TIMINGS = "ReminderTimings";
    /** A round: who is due, and starting their conversations (bpmn/cycle-scheduler.bpmn). */
    public static final String CYCLE_SCHEDULER = "CycleScheduler";
    /** Runs a round every day (bpmn/daily-round.bpmn). */
    public static final String DAILY_ROUND = "DailyRound";
    /** The job that waits for a task's reminder time (reminder/ReminderDue), before any TaskReminders instance. */
    public static final String REMINDER_DUE_JOB = "career-reminder-due";

    public static final String START_CONVERSATION_REQUESTED = "StartEvent_ConversationRequested";
    public static final String TASK_OPEN_RECORD = "Task_OpenRecord";
    public static final String TASK_SCHEDULE_CONVERSATION = "Task_ScheduleConversation";
    public static final String TASK_PREPARE_EMPLOYEE = "Task_PrepareEmployee";
    public static final String TASK_PREPARE_MANAGER = "Task_PrepareManager";
    public static final String EMPLOYEE_PREPARATION_CUT_OFF = "BoundaryEvent_EmployeePreparationCutOff";
    public static final String MANAGER_PREPARATION_CUT_OFF = "BoundaryEvent_ManagerPreparationCutOff";
    public static final String TASK_HOLD_CONVERSATION = "Task_HoldConversation";
    public static final String TASK_RESOLVE_RESCHEDULING = "Task_ResolveRescheduling";
    public static final String TASK_CANCEL_CONVERSATION = "Task_CancelConversation";
    public static final String TASK_DOCUMENT_AGREEMENTS = "Task_DocumentAgreements";
    public static final String TASK_SIGN_OFF = "Task_SignOff";
    public static final String TASK_MEDIATE_SIGN_OFF = "Task_MediateSignOff";
    public static final String TASK_FINALISE_AGREEMENT = "Task_FinaliseAgreement";
    public static final String TASK_DECIDE_CADENCE = "Task_DecideCadence";
    public static final String TASK_RECORD_NEXT_CONVERSATION_DUE = "Task_RecordNextConversationDue";
    public static final String END_CONVERSATION_CANCELLED = "EndEvent_ConversationCancelled";

    // follow-up
    public static final String SUB_PROCESS_FOLLOW_UP = "SubProcess_FollowUp";
    public static final String TASK_PLAN_NEXT_CHECK_IN = "Task_PlanNextCheckIn";
    public static final String GATEWAY_FOLLOW_UP_WAIT = "Gateway_FollowUpWait";
    public static final String TIMER_CHECK_IN_DUE = "TimerEvent_CheckInDue";
    public static final String TASK_CHECK_IN_EMPLOYEE = "Task_CheckInEmployee";
    public static final String TASK_CHECK_IN_MANAGER = "Task_CheckInManager";
    public static final String TASK_RECORD_CHECK_IN = "Task_RecordCheckIn";
    public static final String TASK_PREPARE_REVISION = "Task_PrepareRevision";
    public static final String TASK_REVISE_PLAN = "Task_RevisePlan";
    public static final String TASK_AGREE_REVISED_PLAN = "Task_AgreeRevisedPlan";
    public static final String TASK_RECORD_PLAN_REVISION = "Task_RecordPlanRevision";
    public static final String TASK_END_FOLLOW_UP = "Task_EndFollowUp";
    public static final String END_CYCLE_COMPLETED = "EndEvent_CycleCompleted";
    public static final String TASK_RECORD_EMPLOYEE_LEFT = "Task_RecordEmployeeLeft";
    public static final String END_EMPLOYEE_LEFT = "EndEvent_EmployeeLeft";
    public static final String MESSAGE_PLAN_REVISION_REQUESTED = "PlanRevisionRequested";
    public static final String MESSAGE_NEXT_CYCLE_STARTED = "NextCycleStarted";
    public static final String MESSAGE_EMPLOYEE_LEFT = "EmployeeLeft";

    // TaskReminders
    public static final String TASK_REMIND_ASSIGNEE = "Task_RemindAssignee";
    public static final String TASK_FIND_HELPERS = "Task_FindHelpers";
    public static final String TASK_FOLLOW_UP_OVERDUE_MANAGER = "Task_FollowUpOverdueManager";
    public static final String TASK_FOLLOW_UP_OVERDUE_HR = "Task_FollowUpOverdueHr";
    public static final String TIMER_OVERDUE_FOR_MANAGER = "TimerEvent_OverdueForManager";
    public static final String TIMER_OVERDUE_FOR_HR = "TimerEvent_OverdueForHr";
    public static final String MESSAGE_WATCHED_TASK_ENDED = "WatchedTaskEnded";

    // SendNotification
    public static final String TASK_SEND_NOTIFICATION = "Task_SendNotification";

    private ProcessIds() {
    }
}
