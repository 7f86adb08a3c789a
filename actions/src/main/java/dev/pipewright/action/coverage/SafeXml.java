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
 * A StAX reader that never loads a DTD or entity: JaCoCo's {@code report.dtd} is ignored, and a DOCTYPE that points
 * at a URL or declares entities is rejected as bad input instead of being fetched or expanded.
 */
final class SafeXml {
    private static final Pattern SYSTEM_ID = Pattern.compile("(?:SYSTEM|PUBLIC\\s+(?:\"[^\"]*\"|'[^']*'))\\s+(\"[^\"]*\"|'[^']*')");

    /** Callback for each start element and the reader positioned on it. */
    interface Handler {
        void start(XMLStreamReader r, String element) throws XMLStreamException;

        default void end(String element) {}
    }

    private SafeXml() {}

    static XMLInputFactory factory() {
        // The JDK's own implementation, whatever else is on the class path, so these properties are honoured.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
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
            int line = e.getLocation() == null ? (r == null ? 1 : r.getLocation().getLineNumber()) : e.getLocation().getLineNumber();
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
            throw new ReportParseException(display, line,
                    "the DOCTYPE declares entities; refusing to expand them (coverage reports need none)");
        }
        Matcher m = SYSTEM_ID.matcher(doctype);
        if (m.find()) {
            String id = m.group(1).substring(1, m.group(1).length() - 1);
            if (id.matches("(?i)[a-z][a-z0-9+.-]*:.*") || id.startsWith("/") || id.startsWith("\\")) {
                throw new ReportParseException(display, line, "the DOCTYPE points at '" + id
                        + "'; refusing to load external DTDs (remove the DOCTYPE or make it a plain file name)");
            }
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

    static long num(XMLStreamReader r, String display, String name, long fallback) {
        String v = attr(r, name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ReportParseException(display, r.getLocation().getLineNumber(),
                    "attribute " + name + "=\"" + GoProfileParser.abbreviate(v) + "\" is not a whole number");
        }
    }
}
