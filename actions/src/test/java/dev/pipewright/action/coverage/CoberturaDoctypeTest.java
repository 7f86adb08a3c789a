package dev.pipewright.action.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cobertura's standard DOCTYPE is read without loading the DTD; declarations inside a DOCTYPE stay
 * refused.
 */
class CoberturaDoctypeTest {
    private static final String HEAD = "<?xml version=\"1.0\" ?>\n";
    private static final String BODY =
            "<coverage><packages><package name=\"p\"><classes>"
                    + "<class name=\"a\" filename=\"a.js\"><lines><line number=\"1\"/><line number=\"2\" hits=\"1\"/></lines></class>"
                    + "</classes></package></packages></coverage>\n";

    @TempDir Path tmp;

    @Test
    void c8CoberturaWithTheStandardDoctypeEqualsItsOwnSummary() throws IOException {
        Path xml = CoveragePyJsonTest.real("c8-ms/cobertura-coverage.xml");
        assertThat(Files.readString(xml))
                .contains(
                        "<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">");
        CoverageData data = CoveragePyJsonTest.read(xml);
        JsonNode total =
                new ObjectMapper()
                        .readTree(CoveragePyJsonTest.real("c8-ms/coverage-summary.json").toFile())
                        .get("total");
        assertThat(data.lines())
                .isEqualTo(
                        new Counter(
                                total.at("/lines/covered").asLong(),
                                total.at("/lines/total").asLong()));
        assertThat(data.branches())
                .isEqualTo(
                        new Counter(
                                total.at("/branches/covered").asLong(),
                                total.at("/branches/total").asLong()));
        assertThat(data.primary().percent())
                .isEqualByComparingTo(total.at("/lines/pct").decimalValue());
        // The same run's LCOV says the same.
        assertThat(CoveragePyJsonTest.read(CoveragePyJsonTest.real("c8-ms/lcov.info")).lines())
                .isEqualTo(data.lines());
    }

    @Test
    void coveragePyCoberturaEqualsCoveragePysCounts() throws IOException {
        CoverageData data = CoveragePyJsonTest.read(CoveragePyJsonTest.real("tomli/coverage.xml"));
        JsonNode totals =
                new ObjectMapper()
                        .readTree(CoveragePyJsonTest.real("tomli/coverage.json").toFile())
                        .get("totals");
        assertThat(data.lines())
                .isEqualTo(
                        new Counter(
                                totals.get("covered_lines").asLong(),
                                totals.get("num_statements").asLong()));
        assertThat(data.branches())
                .isEqualTo(
                        new Counter(
                                totals.get("covered_branches").asLong(),
                                totals.get("num_branches").asLong()));
    }

    @Test
    void aDtdUrlIsNeverFetched() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread listener =
                    new Thread(
                            () -> {
                                try {
                                    server.setSoTimeout(200);
                                    while (!server.isClosed()) {
                                        try (Socket s = server.accept()) {
                                            connections.incrementAndGet();
                                        } catch (SocketTimeoutException e) {
                                            // poll until closed
                                        }
                                    }
                                } catch (IOException closed) {
                                    // the test closed the socket
                                }
                            });
            listener.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/xml/coverage-04.dtd";
            Path xml = write("c.xml", HEAD + "<!DOCTYPE coverage SYSTEM \"" + url + "\">\n" + BODY);
            assertThat(CoveragePyJsonTest.read(xml).lines()).isEqualTo(new Counter(1, 2));
            Thread.sleep(300);
            assertThat(connections.get())
                    .as("connections while coverage-gate read the report")
                    .isZero();
            // Control: a reader that does load external DTDs connects to this server, so the check
            // above can fail.
            XMLInputFactory loading = XMLInputFactory.newDefaultFactory();
            loading.setProperty(XMLInputFactory.SUPPORT_DTD, true);
            try {
                drain(loading, xml);
            } catch (Exception expected) {
                // the server closes at once; whether the reader then fails does not matter
            }
            Thread.sleep(300);
            server.close();
            listener.join(2000);
            assertThat(connections.get())
                    .as("connections after the permissive control read")
                    .isPositive();
        }
    }

    @Test
    void aLocalDtdIsNeverRead() throws Exception {
        // If this DTD were read, line 1 would get hits="7" by default and the entity would be
        // declared.
        write(
                "coverage-04.dtd",
                "<!ATTLIST line hits CDATA \"7\">\n<!ENTITY leak SYSTEM \"file:///etc/hostname\">\n");
        for (String systemId :
                List.of("coverage-04.dtd", tmp.resolve("coverage-04.dtd").toUri().toString())) {
            Path xml =
                    write(
                            "c.xml",
                            HEAD + "<!DOCTYPE coverage SYSTEM \"" + systemId + "\">\n" + BODY);
            assertThat(CoveragePyJsonTest.read(xml).lines())
                    .as(systemId)
                    .isEqualTo(new Counter(1, 2));
            XMLInputFactory loading = XMLInputFactory.newDefaultFactory();
            loading.setProperty(XMLInputFactory.SUPPORT_DTD, true);
            assertThat(drain(loading, xml))
                    .as("control: a reader that loads the DTD sees its default")
                    .contains("7");
        }
        // A DTD that would not even parse changes nothing either.
        write("broken.dtd", "<!ELEMENT this is not a DTD");
        Path xml =
                write(
                        "b.xml",
                        HEAD + "<!DOCTYPE coverage PUBLIC \"-//x//y\" \"broken.dtd\">\n" + BODY);
        assertThat(CoveragePyJsonTest.read(xml).lines()).isEqualTo(new Counter(1, 2));
    }

    @Test
    void declarationsInTheDoctypeStayRefused() throws IOException {
        String[][] cases = {
            {
                "laughs.xml",
                "<!DOCTYPE coverage [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n",
                "the DOCTYPE declares entities"
            },
            {
                "xxe.xml",
                "<!DOCTYPE coverage [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n",
                "the DOCTYPE declares entities"
            },
            {
                "param.xml",
                "<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\" "
                        + "[<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>\n",
                "the DOCTYPE declares entities"
            },
            {
                "attlist.xml",
                "<!DOCTYPE coverage [ <!ATTLIST line hits CDATA \"7\"> ]>\n",
                "the DOCTYPE declares markup in its internal subset"
            },
        };
        for (String[] c : cases) {
            Path xml = write(c[0], HEAD + c[1] + BODY);
            assertThatThrownBy(() -> CoveragePyJsonTest.read(xml))
                    .as(c[0])
                    .isInstanceOf(ReportParseException.class)
                    .hasMessageContaining(c[0] + ":2: " + c[2]);
        }
        // An empty internal subset declares nothing.
        Path xml =
                write(
                        "empty.xml",
                        HEAD + "<!DOCTYPE coverage SYSTEM \"coverage-04.dtd\" [ ]>\n" + BODY);
        assertThat(CoveragePyJsonTest.read(xml).lines()).isEqualTo(new Counter(1, 2));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** The hits attributes a reader with the given settings sees. */
    private static String drain(XMLInputFactory f, Path xml) throws Exception {
        StringBuilder hits = new StringBuilder();
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader r = f.createXMLStreamReader(xml.toUri().toString(), in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT
                        && r.getLocalName().equals("line")) {
                    hits.append(r.getAttributeValue(null, "hits")).append(',');
                }
            }
        }
        return hits.toString();
    }
}
