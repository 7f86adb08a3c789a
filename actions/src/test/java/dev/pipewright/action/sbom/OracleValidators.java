package dev.pipewright.action.sbom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.spdx.tools.SpdxToolsHelper;
import org.spdx.tools.SpdxVerificationException;
import org.spdx.tools.Verify;

/**
 * The independent validators the acceptance criteria name: cyclonedx-core-java and spdx tools-java
 * Verify.
 */
final class OracleValidators {
    static {
        SpdxToolsHelper
                .initialize(); // registers the SPDX 2.x/3.x model implementations Verify looks up
    }

    private OracleValidators() {}

    /** cyclonedx-core-java 12.1.x schema validation for CycloneDX 1.6; empty when valid. */
    static List<String> cyclonedxCore(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (ParseException e : new JsonParser().validate(file.toFile(), Version.VERSION_16)) {
            out.add(e.getMessage());
        }
        return out;
    }

    /**
     * tools-java {@code Verify} (deserialises into the SPDX model, so it also catches ids that
     * point nowhere); its messages, or the exception text when it cannot even read the document.
     */
    static List<String> spdxTools(Path file) {
        try {
            return new ArrayList<>(
                    Verify.verify(file.toString(), SpdxToolsHelper.SerFileType.JSON));
        } catch (SpdxVerificationException e) {
            return List.of("SpdxVerificationException: " + e.getMessage());
        }
    }
}
