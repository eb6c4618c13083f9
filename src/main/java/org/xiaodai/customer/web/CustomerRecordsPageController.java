package org.xiaodai.customer.web;

import java.io.IOException;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xiaodai.customer.internal.ConsentService;
import org.xiaodai.customer.internal.DocumentService;
import org.xiaodai.customer.internal.RelatedPartyService;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/** The forms of the 360 view: related parties, document upload and download, consents. */
@Controller
@RequestMapping("/customers/{id}")
class CustomerRecordsPageController {

    private final RelatedPartyService parties;
    private final DocumentService documents;
    private final ConsentService consents;
    private final CustomerViewModel views;
    private final PageProblems problems;

    CustomerRecordsPageController(RelatedPartyService parties, DocumentService documents, ConsentService consents,
                                  CustomerViewModel views, PageProblems problems) {
        this.parties = parties;
        this.documents = documents;
        this.consents = consents;
        this.views = views;
        this.problems = problems;
    }

    @PostMapping("/parties")
    @PreAuthorize("hasAuthority('customer:manage')")
    String addParty(@PathVariable UUID id, @RequestParam(required = false) String relation,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                    @RequestParam(required = false) String mobile, Model model) {
        return run(id, model, () -> parties.add(CurrentUsers.require(), id,
                new RelatedPartyService.NewRelatedParty(relation, name, idNumber, mobile, null)));
    }

    @PostMapping("/documents")
    @PreAuthorize("hasAuthority('customer:manage')")
    String upload(@PathVariable UUID id, @RequestParam(required = false) String category,
                  @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return run(id, model, () -> documents.upload(CurrentUsers.require(), id, category, name, bytes));
    }

    @GetMapping("/documents/{documentId}")
    @PreAuthorize("hasAuthority('customer:view')")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        DocumentService.Content content = documents.content(CurrentUsers.require(), id, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }

    @PostMapping("/consents")
    @PreAuthorize("hasAuthority('customer:manage')")
    String grant(@PathVariable UUID id, @RequestParam(required = false) String purpose,
                 @RequestParam(required = false) String channel, @RequestParam(required = false) String textVersion,
                 Model model) {
        return run(id, model, () -> consents.grant(CurrentUsers.require(), id,
                new ConsentService.NewConsent(purpose, channel, textVersion, null, null)));
    }

    @PostMapping("/consents/{consentId}/revoke")
    @PreAuthorize("hasAuthority('customer:manage')")
    String revoke(@PathVariable UUID id, @PathVariable UUID consentId, Model model) {
        return run(id, model, () -> consents.revoke(CurrentUsers.require(), id, consentId));
    }

    /** Does the change and goes back to the 360 view; a refused one shows the view with its messages. */
    private String run(UUID id, Model model, Runnable change) {
        try {
            change.run();
        } catch (ProblemException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            model.addAttribute("errors", problems.errors(e));
            views.fill(model, CurrentUsers.require(), id, null);
            return "customer/view";
        }
        return "redirect:/customers/" + id;
    }
}
