package org.xiaodai.platform.web;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the home page with the key figures modules contribute. */
@Controller
class ShellPageController {

    private final List<HomeTileContributor> tiles;

    ShellPageController(List<HomeTileContributor> tiles) {
        this.tiles = tiles;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(Authentication authentication, @RequestParam(required = false) String error, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        // a locked or disabled account reads exactly like a wrong password: no account enumeration
        model.addAttribute("error", error == null ? null : "throttled".equals(error) ? error : "bad");
        return "login";
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Model model) {
        model.addAttribute("tiles", tiles.stream().flatMap(c -> c.homeTiles().stream()).toList());
        model.addAttribute("shortcuts", tiles.stream().flatMap(c -> c.shortcuts().stream())
                .sorted(java.util.Comparator.comparingInt(HomeShortcut::order)).toList());
        model.addAttribute("panels", tiles.stream().flatMap(c -> c.panels().stream())
                .sorted(java.util.Comparator.comparingInt(HomePanel::order)).toList());
        model.addAttribute("tables", tables());
        return "home";
    }

    /** A home table with its own columns and those other modules add to it, in column order. */
    record TableView(HomeTable table, List<HomeColumn> columns) {
    }

    private List<TableView> tables() {
        List<HomeTable> own = tiles.stream().flatMap(c -> c.tables().stream())
                .sorted(java.util.Comparator.comparingInt(HomeTable::order)).toList();
        if (own.isEmpty()) {
            return List.of();
        }
        List<HomeColumn> added = tiles.stream().flatMap(c -> c.columns().stream()).toList();
        return own.stream().map(t -> new TableView(t, java.util.stream.Stream.concat(t.columns().stream(),
                        added.stream().filter(c -> c.tableId().equals(t.id())))
                .sorted(java.util.Comparator.comparingInt(HomeColumn::order)).toList())).toList();
    }
}
