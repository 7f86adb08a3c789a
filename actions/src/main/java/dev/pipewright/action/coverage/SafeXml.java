package dev.pipewright.action.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader that never loads a DTD or entity. An external DTD is ignored wherever it points
 * (JaCoCo's {@code report.dtd}, the {@code coverage-04.dtd} URL of istanbul's, gocover-cobertura's
 * and lcov_cobertura's Cobertura): reading it could only fetch a URL or a file and add nothing a
 * report needs. Declarations inside the DOCTYPE (entities for XXE or billion laughs, attribute
 * defaults) are rejected as bad input, never expanded.
 */
final class SafeXml {
    /** The internal subset: {@code [...]} after the name and external id, outside quoted ids. */
    private static final Pattern INTERNAL_SUBSET =
            Pattern.compile(
                    "<!DOCTYPE\\s+[^\\s\\[>]+(?:\\s+(?:SYSTEM|PUBLIC)(?:\\s+(?:\"[^\"]*\"|'[^']*'))+)?\\s*\\[(.*)\\]\\s*>",
                    Pattern.DOTALL);

    /** Callback for each start element and the reader positioned on it. */
    interface Handler {
        void start(XMLStreamReader r, String element) throws XMLStreamException;

        default void end(String element) {}
    }

    private SafeXml() {}

    static XMLInputFactory factory() {
        // The JDK's own implementation, whatever else is on the class path, so these properties are
        // honoured.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Never reached with the settings above; if an implementation tried anyway, it fails
        // instead of fetching.
        f.setXMLResolver(
                (publicId, systemId, base, namespace) -> {
                    throw new XMLStreamException(
                            "refusing to load external resource '" + systemId + "'");
                });
        return f;
    }

    static void parse(Path file, String display, Handler handler) throws IOException {
        XMLStreamReader r = null;
        try (InputStream in = Files.newInputStream(file)) {
            r = factory().createXMLStreamReader(in);
            boolean root = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    checkDoctype(r.getText(), display, r.getLocation().getLineNumber());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    root = true;
                    handler.start(r, r.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    handler.end(r.getLocalName());
                }
            }
            if (!root) {
                throw new ReportParseException(display, 1, "no XML element found");
            }
        } catch (XMLStreamException e) {
            int line =
                    e.getLocation() == null
                            ? (r == null ? 1 : r.getLocation().getLineNumber())
                            : e.getLocation().getLineNumber();
            throw new ReportParseException(display, line, "malformed XML: " + cleanMessage(e));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    static void checkDoctype(String doctype, String display, int line) {
        if (doctype.contains("<!ENTITY")) {
            throw new ReportParseException(
                    display,
                    line,
                    "the DOCTYPE declares entities; refusing to expand them (coverage reports need none)");
        }
        Matcher m = INTERNAL_SUBSET.matcher(doctype);
        if (m.find() && m.group(1).contains("<!")) {
            throw new ReportParseException(
                    display,
                    line,
                    "the DOCTYPE declares markup in its internal subset; refusing it (coverage reports need none)");
        }
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage();
        int i = m == null ? -1 : m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9).trim() : String.valueOf(m);
    }

    static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }

    /**
     * A line-number attribute, refused at its element when it is missing or outside {@link
     * LineTable#MAX_LINE}.
     */
    static int lineNumber(XMLStreamReader r, String display, String element, String name) {
        long v = num(r, display, name, 0);
        String bad = LineTable.badLine(v);
        if (bad != null) {
            throw new ReportParseException(
                    display,
                    r.getLocation().getLineNumber(),
                    "<"
                            + element
                            + " "
                            + name
                            + "=\""
                            + GoProfileParser.abbreviate(String.valueOf(attr(r, name)))
                            + "\">: "
                            + bad);
        }
        return (int) v;
    }

    /** A branch count, refused at its element past {@link LineTable#MAX_BRANCHES}. */
    static long branches(XMLStreamReader r, String display, String element, long count) {
        if (count < 0 || count > LineTable.MAX_BRANCHES) {
            throw new ReportParseException(
                    display,
                    r.getLocation().getLineNumber(),
                    "<"
                            + element
                            + "> claims "
                            + count
                            + " branches on one line, more than "
                            + LineTable.MAX_BRANCHES
                            + "; is the report corrupt? generate it again");
        }
        return count;
    }

    static long num(XMLStreamReader r, String display, String name, long fallback) {
        String v = attr(r, name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ReportParseException(
                    display,
                    r.getLocation().getLineNumber(),
                    "attribute "
                            + name
                            + "=\""
                            + GoProfileParser.abbreviate(v)
                            + "\" is not a whole number");
        }
    }
}
