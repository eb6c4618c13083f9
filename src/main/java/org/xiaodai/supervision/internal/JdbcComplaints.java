package org.xiaodai.supervision.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.supervision.Complaints;

/** The complaints facade over {@link ComplaintService}, read through the caller's tenant wall. */
@Component
class JdbcComplaints implements Complaints {

    private final ComplaintService complaints;

    JdbcComplaints(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    @Transactional(readOnly = true)
    public long overdue(UUID institutionId, LocalDate asOf) {
        return complaints.overdue(institutionId, asOf);
    }

    @Override
    @Transactional(readOnly = true)
    public long filed(UUID institutionId, LocalDate from, LocalDate to) {
        return complaints.filed(institutionId, from, to);
    }
}
