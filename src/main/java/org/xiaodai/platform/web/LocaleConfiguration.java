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
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null
                ? Locale.SIMPLIFIED_CHINESE
                : Locale.lookup(Locale.LanguageRange.parse(safe(request.getHeader("Accept-Language"))), SUPPORTED) == null
                        ? Locale.SIMPLIFIED_CHINESE
                        : Locale.lookup(Locale.LanguageRange.parse(safe(request.getHeader("Accept-Language"))), SUPPORTED));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    private static String safe(String header) {
        try {
            Locale.LanguageRange.parse(header);
            return header;
        } catch (IllegalArgumentException e) {
            return "zh-CN";
        }
    }
}
