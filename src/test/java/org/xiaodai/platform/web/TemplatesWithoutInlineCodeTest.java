package org.xiaodai.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages run under a Content-Security-Policy without {@code 'unsafe-inline'}, so a template
 * must not carry code or styles inline: every script is a file under {@code static/js} (a
 * {@code <script type="application/json">} data block is data, not code), every style a rule in
 * {@code static/css/app.css}. The browser would silently refuse what this test finds.
 */
class TemplatesWithoutInlineCodeTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Script types a browser never executes, so CSP lets them through as data. */
    static final Set<String> DATA_SCRIPT_TYPES = Set.of("application/json", "application/ld+json");

    @Test
    void noTemplateHasAnInlineScriptHandlerOrStyle() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> templates = templates();
        assertThat(templates).hasSizeGreaterThan(10);
        for (Path template : templates) {
            Document page = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            String name = TEMPLATES.relativize(template).toString();
            for (Element element : page.getAllElements()) {
                inlineScript(element).ifPresent(problem -> found.add(name + ": " + problem));
                if (element.normalName().equals("style")) {
                    found.add(name + ": <style> element");
                }
                for (Attribute attribute : element.attributes()) {
                    String problem = inlineAttribute(attribute);
                    if (problem != null) {
                        found.add(name + ": <" + element.normalName() + " " + attribute.getKey() + "> " + problem);
                    }
                }
            }
        }
        assertThat(found).as("move these into static/js/*.js or static/css/app.css").isEmpty();
    }

    private static java.util.Optional<String> inlineScript(Element element) {
        if (!element.normalName().equals("script")) {
            return java.util.Optional.empty();
        }
        String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
        if (DATA_SCRIPT_TYPES.contains(type)) {
            return java.util.Optional.empty();
        }
        boolean external = element.hasAttr("src") || element.hasAttr("th:src");
        boolean hasBody = !element.data().isBlank() || element.hasAttr("th:text") || element.hasAttr("th:utext")
                || element.hasAttr("th:inline");
        if (!external || hasBody) {
            return java.util.Optional.of("inline <script>" + (type.isEmpty() ? "" : " type=" + type));
        }
        return java.util.Optional.empty();
    }

    /** @return why the attribute would be refused, or null */
    static String inlineAttribute(Attribute attribute) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        String bare = key.startsWith("th:") ? key.substring(3) : key.startsWith("data-") ? key.substring(5) : key;
        if (bare.equals("style") || bare.equals("styleappend")) {
            return "inline style";
        }
        if (bare.startsWith("on") || bare.startsWith("hx-on")) {
            return "inline event handler";
        }
        String value = attribute.getValue().toLowerCase(Locale.ROOT);
        if (bare.equals("attr") || bare.equals("attrappend") || bare.equals("attrprepend")) {
            for (String assignment : value.split(",")) {
                String target = assignment.split("=", 2)[0].strip();
                if (target.equals("style") || target.startsWith("on") || target.startsWith("hx-on")) {
                    return "inline " + target + " through " + key;
                }
            }
        }
        if (value.strip().startsWith("javascript:")) {
            return "javascript: URL";
        }
        return null;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
