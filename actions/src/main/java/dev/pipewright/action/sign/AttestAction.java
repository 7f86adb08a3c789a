package dev.pipewright.action.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipewright.action.Action;
import dev.pipewright.action.ActionContext;
import dev.pipewright.action.ActionDescriptor;
import dev.pipewright.action.Branding;
import dev.pipewright.action.InputException;
import dev.pipewright.action.InputSpec;
import dev.pipewright.action.Outcome;
import dev.pipewright.action.OutputSpec;
import dev.pipewright.action.Templates;
import dev.pipewright.action.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code attest} action: an in-toto Statement v1 about the subjects, signed in a DSSE envelope
 * and wrapped in a Sigstore bundle v0.3, like {@code cosign attest-blob --key --new-bundle-format}.
 */
public final class AttestAction implements Action {
    public static final ActionDescriptor DESCRIPTOR =
            new ActionDescriptor(
                    "attest",
                    "Pipewright attest",
                    "Sign an attestation (e.g. an SBOM) about files: in-toto statement in a DSSE envelope, as a Sigstore bundle.",
                    "Pipewright",
                    List.of(
                            KeyInputs.KEY,
                            KeyInputs.PASSWORD,
                            KeyInputs.PASSWORD_ENV,
                            InputSpec.of(
                                            "subject",
                                            "Files the attestation is about: paths or globs, one per line; each becomes "
                                                    + "a subject (file name + sha256).")
                                    .asRequired()
                                    .multipleValues()
                                    .withExample("dist/app.jar"),
                            InputSpec.of(
                                            "predicate",
                                            "JSON file with the predicate, e.g. the SBOM.")
                                    .asRequired()
                                    .withExample("sbom.spdx.json"),
                            InputSpec.of(
                                            "predicate-type",
                                            "spdx, cyclonedx, or a predicate type URI.")
                                    .asRequired()
                                    .withExample("spdx"),
                            InputSpec.of("output", "Where to write the bundle.")
                                    .withDefault("attestation.sigstore.json")),
                    List.of(
                            new OutputSpec("bundle", "Path of the Sigstore bundle."),
                            new OutputSpec("predicate-type", "The predicate type URI."),
                            new OutputSpec("subjects", "One '<name> sha256:<hex>' per subject.")),
                    new Branding("award", "purple"));

    @Override
    public ActionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> failureMeaning() {
        return Optional.empty();
    }

    @Override
    public Outcome run(ActionContext ctx) throws Exception {
        Workspace ws = ctx.workspace();
        String type =
                InTotoStatement.predicateType(
                        "predicate-type", ctx.inputs().string("predicate-type"));
        List<Path> files = ws.glob("subject", ctx.inputs().lines("subject"));
        Path predicateFile = ws.existingFile("predicate", ctx.inputs().string("predicate"));
        JsonNode predicate = predicate(predicateFile, ws.display(predicateFile), type);
        Path output = ws.resolve("output", ctx.inputs().string("output"));
        Keys.SigningKey key = KeyInputs.signingKey(ctx);

        List<InTotoStatement.Subject> subjects = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (Path f : files) {
            String hex =
                    HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256")
                                            .digest(KeyInputs.readBytes(ctx, "subject", f)));
            subjects.add(new InTotoStatement.Subject(f.getFileName().toString(), hex));
            shown.add(f.getFileName() + " sha256:" + hex);
        }
        byte[] payload = new InTotoStatement(subjects, type, predicate).toPayload();
        byte[] sig = Signatures.sign(key.privateKey(), Dsse.pae(Dsse.IN_TOTO, payload));
        Dsse.Envelope envelope =
                new Dsse.Envelope(Dsse.IN_TOTO, payload, List.of(new Dsse.Signature("", sig)));
        ctx.writeFile(
                "output",
                output,
                SigstoreBundle.ofEnvelope(Keys.hint(key.publicKey()), envelope).toJson());

        ctx.setOutput("bundle", ws.display(output));
        ctx.setOutput("predicate-type", type);
        ctx.setOutput("subjects", String.join("\n", shown));
        ctx.appendSummary(
                Templates.render(
                        "attest/summary.md.ftl",
                        Map.of(
                                "bundle",
                                ws.display(output),
                                "predicateType",
                                type,
                                "subjects",
                                shown,
                                "predicate",
                                ws.display(predicateFile))));
        return Outcome.pass();
    }

    /** The predicate JSON; an SBOM must be of the kind the predicate type names. */
    static JsonNode predicate(Path file, String shown, String type) throws IOException {
        JsonNode node;
        try {
            node = Json.parse(Files.readAllBytes(file), shown);
        } catch (Json.JsonException e) {
            throw new InputException(e.getMessage());
        }
        if (!node.isObject()) {
            throw new InputException(shown + ":1:1: the predicate must be a JSON object");
        }
        boolean spdx = node.has("spdxVersion");
        boolean cdx = "CycloneDX".equals(node.path("bomFormat").asText());
        if (type.equals(InTotoStatement.SPDX) && !spdx) {
            throw InputException.forInput(
                    "predicate-type",
                    "is SPDX but "
                            + shown
                            + " has no spdxVersion"
                            + (cdx ? " (it is CycloneDX: use predicate-type cyclonedx)" : ""));
        }
        if (type.equals(InTotoStatement.CYCLONEDX) && !cdx) {
            throw InputException.forInput(
                    "predicate-type",
                    "is CycloneDX but "
                            + shown
                            + " has no bomFormat CycloneDX"
                            + (spdx ? " (it is SPDX: use predicate-type spdx)" : ""));
        }
        return node;
    }
}
