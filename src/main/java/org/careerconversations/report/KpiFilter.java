package org.careerconversations.report;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which conversations a KPI report covers: a period of calendar days (both ends included, either end may be
 * open) and optionally one manager's or one HR partner's conversations.
 */
record KpiFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> managerId,
                 Optional<String> hrPartnerId) {

    KpiFilter {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from (" + from.get() + ") must not be after to (" + to.get() + ")");
        }
        managerId = managerId.filter(id -> !id.isBlank());
        hrPartnerId = hrPartnerId.filter(id -> !id.isBlank());
    }

    static KpiFilter all() {
        return new KpiFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
