package org.careerconversations.security;

/** The Camunda groups the app's access model is built on (docs/access.md). */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String EMPLOYEES = "employees";
    public static final String MANAGERS = "managers";
    public static final String HR = "hr";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String PROCESS_DESIGNERS = "process-designers";

    private Groups() {
    }
}
