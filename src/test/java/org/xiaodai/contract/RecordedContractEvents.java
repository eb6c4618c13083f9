package org.xiaodai.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A test-only listener (picked up by the shared test context's component scan, so no new context):
 * records every {@link ContractAccepted} published, in the publishing transaction like servicing's.
 */
@Component
public class RecordedContractEvents {

    private final List<ContractAccepted> accepted = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ContractAccepted event) {
        accepted.add(event);
    }

    public List<ContractAccepted> accepted() {
        return List.copyOf(accepted);
    }
}
