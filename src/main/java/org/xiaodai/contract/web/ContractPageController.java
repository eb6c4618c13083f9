package org.xiaodai.contract.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.contract.internal.ContractService;
import org.xiaodai.contract.internal.ContractView;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/** The contract page: rate first, the stored text as it is, the PDF, and recording the borrower's acceptance. */
@Controller
class ContractPageController {

    private final ContractService contracts;
    private final PageProblems problems;

    ContractPageController(ContractService contracts, PageProblems problems) {
        this.contracts = contracts;
        this.problems = problems;
    }

    /** One line of the stored text, by its marker. */
    record Line(String kind, String text) {
    }

    @GetMapping("/contracts/{id}")
    @PreAuthorize("hasAuthority('contract:view')")
    String view(@PathVariable UUID id, Model model) {
        ContractView c = contracts.view(CurrentUsers.require(), id);
        List<Line> lines = new ArrayList<>();
        for (String line : c.text().split("\n")) {
            if (line.startsWith("# ")) {
                lines.add(new Line("title", line.substring(2)));
            } else if (line.startsWith("## ")) {
                lines.add(new Line("heading", line.substring(3)));
            } else if (line.startsWith("!! ")) {
                lines.add(new Line("apr", line.substring(3)));
            } else if (line.startsWith("|")) {
                lines.add(new Line("row", line.substring(1).replace("|", "　")));
            } else if (!line.isBlank()) {
                lines.add(new Line("text", line));
            }
        }
        model.addAttribute("c", c);
        model.addAttribute("lines", lines);
        model.addAttribute("canAccept", CurrentUsers.require().permissions().contains("contract:accept"));
        return "contract/view";
    }

    @GetMapping("/contracts/{id}/pdf")
    @PreAuthorize("hasAuthority('contract:view')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("contract-" + id + ".pdf")
                        .build().toString())
                .body(contracts.pdf(CurrentUsers.require(), id));
    }

    @PostMapping("/contracts/{id}/accept")
    @PreAuthorize("hasAuthority('contract:accept')")
    String accept(@PathVariable UUID id, @RequestParam(required = false) String textVersion,
                  @RequestParam(required = false) String autoDebit, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            contracts.accept(CurrentUsers.require(), id, textVersion, "true".equals(autoDebit), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "contract.status.ACCEPTED");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            List<String> messages = new ArrayList<>(problems.errors(e).general());
            problems.errors(e).fields().forEach((f, l) -> l.forEach(m -> messages.add(f + ": " + m)));
            redirect.addFlashAttribute("flashErrors", messages);
        }
        return "redirect:/contracts/" + id;
    }
}
