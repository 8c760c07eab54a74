package org.careerconversations.round;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When and how rounds run ({@code careers.rounds.*}). The CycleScheduler model reads {@code cron} in its
 * timer start event.
 */
@Component("roundSchedule")
@ConfigurationProperties("careers.rounds")
public class RoundSchedule {

    /** Quartz-style cron of the daily round (seconds first): 06:00 every day. */
    private String cron = "0 0 6 * * ?";
    /** A conversation starts when the next one is due within this time. */
    private Period leadTime = Period.ofDays(14);
    /** Someone without a previous conversation is due this long after their hire date. */
    private Period firstConversationAfter = Period.ofMonths(3);
    /** Employees per transaction. */
    private int chunkSize = 50;

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public Period getLeadTime() {
        return leadTime;
    }

    public void setLeadTime(Period leadTime) {
        this.leadTime = leadTime;
    }

    public Period getFirstConversationAfter() {
        return firstConversationAfter;
    }

    public void setFirstConversationAfter(Period firstConversationAfter) {
        this.firstConversationAfter = firstConversationAfter;
    }

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }


}
