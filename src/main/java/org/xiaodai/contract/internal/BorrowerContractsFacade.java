package org.xiaodai.contract.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.contract.BorrowerContracts;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.problem.ProblemException;

/** {@link BorrowerContracts} over the contract service, every id first checked against the customer. */
@Service
class BorrowerContractsFacade implements BorrowerContracts {

    private final ContractService contracts;
    private final JdbcClient jdbc;

    BorrowerContractsFacade(ContractService contracts, JdbcClient jdbc) {
        this.contracts = contracts;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<BorrowerContract> ofCustomer(UUID customerId) {
        return jdbc.sql("select id from contract where customer_id = ? order by issued_at desc").param(customerId)
                .query(UUID.class).list().stream().map(id -> ofCustomer(customerId, id)).flatMap(Optional::stream).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BorrowerContract> ofCustomer(UUID customerId, UUID contractId) {
        return institutionOf(customerId, contractId).map(i -> contract(contracts.view(caller(i, ""), contractId)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(UUID customerId, UUID contractId) {
        return institutionOf(customerId, contractId).map(i -> contracts.pdf(caller(i, ""), contractId));
    }

    @Override
    @Transactional
    public BorrowerContract accept(UUID customerId, UUID contractId, String textVersion, boolean autoDebit, String clientAddress,
                           String actorName) {
        UUID institution = institutionOf(customerId, contractId).orElseThrow(() -> ProblemException.notFound("contract"));
        if (textVersion == null || textVersion.isBlank()) {
            throw ProblemException.invalid("textVersion", "required");
        }
        return contract(contracts.accept(caller(institution, actorName), contractId, textVersion, autoDebit, clientAddress));
    }

    private Optional<UUID> institutionOf(UUID customerId, UUID contractId) {
        return jdbc.sql("select institution_id from contract where id = ? and customer_id = ?").params(contractId, customerId)
                .query(UUID.class).optional();
    }

    private static CurrentUser caller(UUID institution, String actorName) {
        return CurrentUser.borrowerChannel(institution, Actor.current().map(Actor::actorId).orElse(institution), actorName);
    }

    private static BorrowerContract contract(ContractView v) {
        return new BorrowerContract(v.id(), v.contractNumber(), v.applicationId(), v.status(), v.principal(),
                v.annualInterestRatePercent(), v.annualPercentageRate(), v.numberOfRepayments(), v.upfrontFees(),
                v.textVersion(), v.text(), v.issuedAt(), v.acceptedAt(), v.loanId());
    }
}
