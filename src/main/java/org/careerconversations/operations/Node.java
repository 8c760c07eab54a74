package org.careerconversations.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node of the cluster by name, as the job executor's lock owner and in the round's record: the host name
 * and the process id unless {@code careers.node-name} says otherwise. An operator can then tell from
 * {@code ACT_RU_JOB.LOCK_OWNER_} which node holds a job.
 */
@Component
public class Node {

    private final String name;

    Node(@Value("${careers.node-name:}") String configured) {
        this.name = configured.isBlank() ? hostName() + "/" + ProcessHandle.current().pid() : configured;
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
