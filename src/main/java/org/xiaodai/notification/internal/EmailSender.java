package org.xiaodai.notification.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The e-mail adapter: real SMTP through Spring's {@link JavaMailSender}, which Spring Boot
 * configures when {@code spring.mail.host} is set. Without it e-mail is not available and
 * e-mail deliveries are logged as skipped.
 */
@Component
class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    boolean available() {
        return mail.getIfAvailable() != null;
    }

    void send(String to, String subject, String body) throws DeliveryException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException("no SMTP server configured");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("SMTP: " + e.getClass().getSimpleName(), e);
        }
    }
}
