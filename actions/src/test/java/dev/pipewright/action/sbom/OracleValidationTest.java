package dev.pipewright.action.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.action.SimulatedRunner;
import dev.pipewright.action.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Our documents pass the independent validators; the invalid samples fail them and our own
 * validator alike.
 */
class OracleValidationTest {
    @Test
    void fixtureDocumentsPassCycloneDxCoreAndSpdxToolsVerify() throws Exception {
        for (String dev : new String[] {"false", "true"}) {
            try (SimulatedRunner r = new SimulatedRunner()) {
                Fixture.copyInto(r);
                assertThat(
                                r.input("format", "spdx-json,cyclonedx-json")
                                        .input("name", "demo")
                                        .input("version", "1.0.0")
                                        .input("include-dev", dev)
                                        .run(new SbomAction())
                                        .exit())
                        .isZero();
                assertThat(OracleValidators.cyclonedxCore(r.workspace().resolve("demo.cdx.json")))
                        .isEmpty();
                assertThat(OracleValidators.spdxTools(r.workspace().resolve("demo.spdx.json")))
                        .isEmpty();
            }
        }
    }

    @Test
    void invalidSamplesFailTheOraclesToo() throws Exception {
        Path cdx = TestData.resource("sbom/samples/invalid-example-app.cdx.json");
        Path spdx = TestData.resource("sbom/samples/invalid-example-app.spdx.json");
        assertThat(OracleValidators.cyclonedxCore(cdx)).hasSize(2);
        assertThat(OracleValidators.spdxTools(spdx)).isNotEmpty();
        assertThat(
                        OracleValidators.cyclonedxCore(
                                TestData.resource("sbom/samples/example-app.cdx.json")))
                .isEmpty();
        assertThat(
                        OracleValidators.spdxTools(
                                TestData.resource("sbom/samples/example-app.spdx.json")))
                .isEmpty();
    }
}
