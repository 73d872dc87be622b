package com.videolinks.notification;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.videolinks.common.Languages;

/**
 * The email templates ({@code templates/mail/*.html} and {@code *.txt}, Thymeleaf) and their texts in Korean and
 * English ({@code i18n/mail*.properties}). Its own engine, not a bean, so Spring Boot's engine for web pages stays.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    MailTemplates() {
        messages.setBasename("i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        // a locale without its own file reads the base file (English), never the server's default language
        messages.setFallbackToSystemLocale(false);
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "mail/*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "mail/*.txt", 2));
    }

    /** Renders {@code templates/mail/<name>.html} and {@code .txt} in the customer's language. */
    EmailContent render(String name, Locale customerLocale, MailModel model, String subjectCode, String to) {
        return render(name, Languages.forCustomer(customerLocale), model, subjectCode,
                new Object[] {model.serviceName()}, to);
    }

    /** Renders a staff member's email (#6), {@code templates/mail/<name>.html} and {@code .txt}, in {@code language}. */
    EmailContent renderStaff(String name, Locale language, StaffMailModel model, String subjectCode, String to) {
        return render(name, Languages.forCustomer(language), model, subjectCode, new Object[] {model.siteName()}, to);
    }

    /** The title of a session's calendar entry (#13), in the customer's language. */
    String calendarTitle(Locale customerLocale, String serviceName, String siteName) {
        return messages.getMessage("calendar.title", new Object[] {serviceName, siteName},
                Languages.forCustomer(customerLocale));
    }

    /**
     * The description of a session's calendar entry (#13): what the email says about the link ({@code view}, so
     * nothing the email does not show) and the session's page.
     */
    String calendarDescription(Locale customerLocale, MailModel.LinkView view, String pageUrl) {
        Locale locale = Languages.forCustomer(customerLocale);
        Context context = new Context(locale);
        context.setVariable("view", view);
        context.setVariable("pageUrl", pageUrl);
        return engine.process("mail/calendar.txt", context).replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private EmailContent render(String name, Locale locale, Object model, String subjectCode, Object[] subjectArgs,
                                String to) {
        String subject = messages.getMessage(subjectCode, subjectArgs, locale);
        Context context = new Context(locale);
        context.setVariable("mail", model);
        context.setVariable("subject", subject);
        context.setVariable("lang", locale.getLanguage());
        String html = engine.process("mail/" + name + ".html", context);
        String text = engine.process("mail/" + name + ".txt", context)
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip() + "\n";
        return new EmailContent(to, subject, text, html);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
