package org.xiaodai.calculator.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;

/** The calculator is public: anybody, the regulator included, may post terms to it. */
@Component
class CalculatorAccess implements AccessContributor {

    @Override
    public List<String> regulatorWritablePaths() {
        return List.of("/api/v1/calculator/**", "/calculator", "/calculator/**");
    }
}
