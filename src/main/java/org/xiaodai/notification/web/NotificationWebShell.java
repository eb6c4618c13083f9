package org.xiaodai.notification.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;

/** The notification module's navigation entries. */
@Component
class NotificationWebShell implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("notification.nav.deliveries", "/notifications", "notification:delivery:view", 800),
                new NavigationItem("notification.nav.simulatedSms", "/notifications/simulated-sms",
                        "notification:simulator:view", 810));
    }
}
