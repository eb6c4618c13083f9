package org.xiaodai.collection.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.servicing.Loans;

/**
 * Reads loans through servicing's {@link Loans} facade, inside the caller's tenant wall. Servicing
 * may be deployed without its engine (a build that has the schema and events only): then a case
 * shows what its events told it and no position.
 */
@Component
class LoanReader {

    private final ObjectProvider<Loans> loans;

    LoanReader(ObjectProvider<Loans> loans) {
        this.loans = loans;
    }

    Optional<Loans.LoanSummary> summary(UUID loanId) {
        Loans facade = loans.getIfAvailable();
        return facade == null ? Optional.empty() : facade.summary(loanId);
    }

    Optional<LoanPosition> position(UUID loanId, LocalDate asOf) {
        Loans facade = loans.getIfAvailable();
        if (facade == null) {
            return Optional.empty();
        }
        try {
            return facade.position(loanId, asOf);
        } catch (RuntimeException e) {
            // a date before disbursement or a loan servicing cannot compute: show the case without it
            return Optional.empty();
        }
    }
}
