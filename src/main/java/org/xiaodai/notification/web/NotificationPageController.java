package org.xiaodai.notification.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiaodai.notification.Channel;
import org.xiaodai.notification.NotificationEvent;
import org.xiaodai.notification.internal.DeliveryLog;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.shared.query.PageResult;

/** The delivery log page and, for the platform operator, what the simulated SMS gateway sent. */
@Controller
@RequestMapping("/notifications")
class NotificationPageController {

    private final DeliveryLog log;

    NotificationPageController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('notification:delivery:view')")
    String deliveries(@ModelAttribute("list") ListRequest list, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String channel, @RequestParam(required = false) String event,
                      Model model) {
        PageResult<DeliveryLog.Delivery> page = log.page(new DeliveryLog.Filter(status, channel, event),
                list.toQuery(DeliveryLog.SORTING));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", clean(status));
        filters.put("channel", clean(channel));
        filters.put("event", clean(event));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/notifications", page, filters));
        model.addAttribute("deliveries", page.items());
        model.addAttribute("selected", filters);
        model.addAttribute("statuses", new String[] {"PENDING", "SENT", "FAILED", "SKIPPED"});
        model.addAttribute("channels", Channel.values());
        model.addAttribute("events", NotificationEvent.values());
        return "notification/deliveries";
    }

    @GetMapping("/simulated-sms")
    @PreAuthorize("hasAuthority('notification:simulator:view')")
    String simulatedSms(@RequestParam(required = false) String mobile, Model model) {
        String number = clean(mobile);
        model.addAttribute("mobile", number);
        model.addAttribute("messages", log.simulatedSms(number.isEmpty() ? null : number, 100));
        return "notification/simulated-sms";
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip().length() > 40 ? "" : value.strip();
    }
}
