package org.careerconversations.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code careers.retention.*}: how long history and the app's own records are kept (application.yaml). */
@Component
@ConfigurationProperties(prefix = "careers.retention")
public class RetentionSettings {

    /** Every process and decision, unless named in {@link #historyTimeToLiveByKey}. */
    private Duration historyTimeToLive = Duration.ofDays(1095);
    private Map<String, Duration> historyTimeToLiveByKey = new LinkedHashMap<>();
    private String cleanupCron = "0 30 1 * * *";

    /** The history time to live of a process or decision definition key, in whole days as the engine takes it. */
    public int daysFor(String key) {
        Duration ttl = historyTimeToLiveByKey.getOrDefault(key, historyTimeToLive);
        if (ttl.isNegative() || ttl.toHours() % 24 != 0) {
            throw new IllegalStateException("careers.retention: the history time to live of " + key
                + " must be a whole number of days, like P1095D (was " + ttl + ")");
        }
        return Math.toIntExact(ttl.toDays());
    }

    public Duration getHistoryTimeToLive() {
        return historyTimeToLive;
    }

    public void setHistoryTimeToLive(Duration historyTimeToLive) {
        this.historyTimeToLive = historyTimeToLive;
    }

    public Map<String, Duration> getHistoryTimeToLiveByKey() {
        return historyTimeToLiveByKey;
    }

    public void setHistoryTimeToLiveByKey(Map<String, Duration> historyTimeToLiveByKey) {
        this.historyTimeToLiveByKey = historyTimeToLiveByKey;
    }

    public String getCleanupCron() {
        return cleanupCron;
    }

    public void setCleanupCron(String cleanupCron) {
        this.cleanupCron = cleanupCron;
    }
}
