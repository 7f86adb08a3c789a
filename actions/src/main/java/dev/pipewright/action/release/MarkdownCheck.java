package dev.pipewright.action.release;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Checks rendered notes by parsing them as CommonMark: no template markup left in the text (a
 * template whose directive was mistyped prints it), every link and image has a usable destination,
 * and no link markup failed to parse into a link.
 */
public final class MarkdownCheck {
    private static final Parser PARSER =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final List<String> TEMPLATE_MARKERS =
            List.of("${", "<#", "</#", "<@", "</@", "[#if", "[#list");

    private MarkdownCheck() {}

    /** Problems as {@code line N: reason}, in document order; empty when the Markdown is fine. */
    public static List<String> problems(String markdown) {
        List<String> out = new ArrayList<>();
        Node doc = PARSER.parse(markdown);
        doc.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(Text text) {
                        String t = text.getLiteral();
                        for (String marker : TEMPLATE_MARKERS) {
                            if (t.contains(marker)) {
                                out.add(
                                        at(text)
                                                + "template markup '"
                                                + marker
                                                + "' left in the text: "
                                                + excerpt(t));
                                break;
                            }
                        }
                        if (t.contains("](")) {
                            out.add(
                                    at(text)
                                            + "link markup that is not a link (a space or unbalanced bracket in it?): "
                                            + excerpt(t));
                        }
                    }

                    @Override
                    public void visit(Link link) {
                        destination(link, link.getDestination());
                        visitChildren(link);
                    }

                    @Override
                    public void visit(Image image) {
                        destination(image, image.getDestination());
                        visitChildren(image);
                    }

                    private void destination(Node node, String dest) {
                        String problem = destinationProblem(dest);
                        if (problem != null) {
                            out.add(at(node) + problem);
                        }
                    }
                });
        return out;
    }

    static String destinationProblem(String dest) {
        if (dest == null || dest.isBlank()) {
            return "link with an empty destination";
        }
        URI uri;
        try {
            uri = new URI(dest);
        } catch (URISyntaxException e) {
            return "link destination '" + dest + "' is not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.isEmpty() && !List.of("http", "https", "mailto").contains(scheme)) {
            return "link destination '"
                    + dest
                    + "' uses scheme '"
                    + scheme
                    + "' (only http, https and mailto)";
        }
        if ((scheme.equals("http") || scheme.equals("https"))
                && (uri.getHost() == null || uri.getHost().isEmpty())) {
            return "link destination '" + dest + "' has no host";
        }
        return null;
    }

    private static String at(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? "" : "line " + (spans.get(0).getLineIndex() + 1) + ": ";
    }

    private static String excerpt(String t) {
        return t.length() <= 60 ? "'" + t + "'" : "'" + t.substring(0, 57) + "...'";
    }
}
