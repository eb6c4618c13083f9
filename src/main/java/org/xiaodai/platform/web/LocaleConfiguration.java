package org.xiaodai.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: Simplified Chinese unless the user picked English ({@code ?lang=en}, remembered in a
 * cookie) or an API client sends {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("XIAODAI_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> fromAcceptLanguage(request.getHeader("Accept-Language")));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The best supported match for an Accept-Language header; Simplified Chinese when absent, unmatched or malformed. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match == null ? Locale.SIMPLIFIED_CHINESE : match;
        } catch (IllegalArgumentException malformed) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}
