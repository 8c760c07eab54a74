package org.careerconversations.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from the pair templates/mail/&lt;name&gt;.html and .txt. The HTML template mode escapes every
 * value written with th:text, so names, comments, goals and places people typed arrive as text, never markup.
 */
@Component
class MailTemplates {

    private final TemplateEngine engine = new TemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    MailContent render(String template, String subject, Map<String, Object> variables) {
        return render(template, subject, variables, null);
    }

    MailContent render(String template, String subject, Map<String, Object> variables, String calendar) {
        Context context = new Context(Locale.ENGLISH, variables);
        context.setVariable("subject", subject);
        return new MailContent(subject, engine.process(template + ".txt", context),
            engine.process(template + ".html", context), calendar);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
