package org.xiaodai.notification.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.notification.domain.TemplateText;

/**
 * The templates of every event in zh and en, from the {@code notification} message bundle:
 * {@code notification.template.<EVENT>.sms} (the text message), {@code .subject} and {@code .body}
 * (e-mail, and the in-app title and text). Values that are codes (a decision, a grade, a complaint
 * status) are worded through {@code notification.value.<name>.<code>} when such a key exists.
 */
@Component
class Templates {

    private final MessageSource messages;

    Templates(MessageSource messages) {
        this.messages = messages;
    }

    /** One message as it goes out. */
    record Rendered(String subject, String sms, String body) {
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    Rendered render(NotificationEvent event, String language, Map<String, String> values) {
        Locale locale = locale(language);
        Map<String, String> worded = new HashMap<>();
        values.forEach((name, value) -> worded.put(name,
                messages.getMessage("notification.value." + name + "." + value, null, value, locale)));
        String prefix = "notification.template." + event.name() + ".";
        return new Rendered(
                TemplateText.fill(messages.getMessage(prefix + "subject", null, locale), worded),
                TemplateText.fill(messages.getMessage(prefix + "sms", null, locale), worded),
                TemplateText.fill(messages.getMessage(prefix + "body", null, locale), worded));
    }
}
