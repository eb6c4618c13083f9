package org.xiaodai.platform.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names the platform seeds (the platform operator, its administrator, the demo region's
 * organisations, branches and people) in the reader's language: {@code console.name.<stored name>}
 * in the console bundles gives the zh and en forms, e.g. {@code console.name.总部} is 总部 / Head
 * office. Names people typed in are shown as typed. Templates use it as {@code ${@localisedNames.of(name)}}.
 */
@Component("localisedNames")
public class LocalisedNames {

    static final String PREFIX = "console.name.";
    private final MessageSource messages;

    LocalisedNames(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code name} in the current request's language when it is a seeded name, else unchanged; null stays null. */
    public String of(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        return messages.getMessage(PREFIX + name, null, name, LocaleContextHolder.getLocale());
    }
}
