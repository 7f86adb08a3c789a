package dev.pipewright.action;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Renders Markdown (step summaries, release notes) from the FreeMarker templates in the
 * repository's {@code templates/}, or from a user's template directory.
 */
public final class Templates {
    private static final Configuration CONFIG = configure();

    private Templates() {}

    private static Configuration configure() {
        Configuration c = sandboxed();
        c.setClassForTemplateLoading(Templates.class, "/templates");
        return c;
    }

    private static Configuration sandboxed() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_32);
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        // "computer" keeps numbers locale-free (no 1,234 grouping) so summaries are byte-identical
        // everywhere.
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        // Templates are ours, but nothing in a summary needs to instantiate classes.
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        return c;
    }

    /**
     * Renders a user-supplied template {@code name} from {@code dir} (includes resolve inside
     * {@code dir}, links out of it are refused) with the same sandbox as the bundled ones; errors
     * are thrown as they are, so the caller can report them against the user's file.
     */
    public static String renderFile(Path dir, String name, Map<String, ?> model)
            throws IOException, TemplateException {
        Configuration c = sandboxed();
        c.setTemplateLoader(new FileTemplateLoader(dir.toFile()));
        StringWriter w = new StringWriter();
        c.getTemplate(name).process(model, w);
        return w.toString();
    }

    /**
     * Renders {@code name} (relative to {@code templates/}) with a model of maps, lists, strings
     * and numbers.
     */
    public static String render(String name, Map<String, ?> model) {
        try {
            StringWriter w = new StringWriter();
            CONFIG.getTemplate(name).process(model, w);
            return w.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
        }
    }
}
