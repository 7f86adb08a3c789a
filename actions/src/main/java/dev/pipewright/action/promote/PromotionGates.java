package dev.pipewright.action.promote;

import dev.pipewright.action.InputException;
import dev.pipewright.action.sign.SigstoreBundle;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gates a promotion passes before any file changes: images present, signatures, SBOM
 * attestations, CVE policy.
 */
final class PromotionGates {
    private PromotionGates() {}

    /**
     * Adds the checks earlier steps reported ({@code gate: detail} lines) to the gates: a gate of
     * that name that was skipped (no key to verify with) becomes passed with those details, any
     * other gains them as notes, and an unknown name is a gate of its own. A failed gate stays
     * failed: an earlier step cannot outvote a check made here.
     */
    static List<Gate> withEarlierChecks(List<Gate> gates, List<String> lines) {
        Map<String, List<String>> byGate = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(colon + 1).isBlank()) {
                throw InputException.forInput("checks", "'" + line + "' is not 'gate: detail'");
            }
            byGate.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip() + " (checked by an earlier step)");
        }
        List<Gate> out = new ArrayList<>(gates);
        byGate.forEach(
                (name, details) -> {
                    int at = -1;
                    for (int i = 0; i < out.size(); i++) {
                        if (out.get(i).name().equalsIgnoreCase(name)) {
                            at = i;
                        }
                    }
                    if (at < 0) {
                        Gate g = new Gate(name);
                        details.forEach(g::note);
                        out.add(g);
                    } else if (out.get(at).skipped()) {
                        Gate g = new Gate(out.get(at).name());
                        details.forEach(g::note);
                        out.set(at, g);
                    } else {
                        details.forEach(out.get(at)::note);
                    }
                });
        return out;
    }

    /**
     * Waits for each image without a digest; {@code resolved} receives every image found, with its
     * digest.
     */
    static Gate imagesPresent(List<ImageSpec> images, ImageWait wait, List<ImageSpec> resolved)
            throws InterruptedException {
        Gate present = new Gate("images present");
        for (ImageSpec i : images) {
            if (i.digest() != null) {
                present.note(i.name() + ": " + i.reference() + " (digest given)");
                resolved.add(i);
                continue;
            }
            ImageWait.Result r = wait.await(i);
            if (r.digest().isPresent()) {
                ImageSpec withDigest = i.withDigest(r.digest().get());
                present.note(i.name() + ": " + withDigest.reference() + " (" + r.detail() + ")");
                resolved.add(withDigest);
            } else {
                present.fail(
                        i.name() + ": " + i.reference() + " not in the registry: " + r.detail());
            }
        }
        return present;
    }

    static List<Gate> attestations(
            List<ImageSpec> images,
            Optional<PublicKey> key,
            Map<String, SigstoreBundle> bundles,
            Set<String> sbomTypes) {
        Gate sig = new Gate("signatures");
        Gate sbom = new Gate("SBOM attestations");
        if (key.isEmpty()) {
            sig.skip("no key given");
            sbom.skip("no key given");
            return List.of(sig, sbom);
        }
        if (images.isEmpty()) {
            sig.skip("images not resolved");
            sbom.skip("images not resolved");
            return List.of(sig, sbom);
        }
        for (ImageSpec i : images) {
            Attestations.ImageResult r = Attestations.check(i, key.get(), bundles);
            if (!r.signed()) {
                sig.fail(
                        i.name()
                                + ": no bundle verifies for "
                                + i.digest()
                                + (r.problems().isEmpty()
                                        ? " (no bundles given)"
                                        : ": " + String.join("; ", r.problems())));
            } else {
                sig.note(i.name() + ": verified (" + String.join(", ", r.verifiedTypes()) + ")");
            }
            if (r.hasSbom(sbomTypes)) {
                sbom.note(i.name() + ": SBOM attestation verified");
            } else {
                sbom.fail(
                        i.name()
                                + ": no verified attestation with predicate type "
                                + sbomTypes.stream().sorted().collect(Collectors.joining(" or ")));
            }
        }
        return List.of(sig, sbom);
    }

    static void vulnerabilities(
            Gate g, VulnPolicy.Result r, boolean noReports, Set<TrivyReport.Severity> failOn) {
        if (noReports) {
            g.skip("no trivy-report given");
            return;
        }
        for (VulnPolicy.Decision d : r.decisions()) {
            TrivyReport.Finding f = d.finding();
            String what =
                    f.id()
                            + " "
                            + f.severity()
                            + " in "
                            + f.pkg()
                            + " "
                            + f.installed()
                            + (f.fixed().isEmpty() ? "" : " (fixed in " + f.fixed() + ")");
            if (d.blocking()) {
                g.fail(
                        what
                                + (d.waiver() == null
                                        ? ""
                                        : " — waiver "
                                                + d.waiver().file()
                                                + ":"
                                                + d.waiver().line()
                                                + " expired on "
                                                + d.waiver().expires()));
            } else if (d.verdict() == VulnPolicy.Verdict.EXPIRED_WAIVER) {
                g.note(
                        what
                                + ": waiver expired on "
                                + d.waiver().expires()
                                + " (below the threshold)");
            }
        }
        long blocking = r.decisions().stream().filter(VulnPolicy.Decision::blocking).count();
        g.note(
                r.decisions().size()
                        + " findings, "
                        + r.with(VulnPolicy.Verdict.WAIVED).size()
                        + " waived, "
                        + blocking
                        + " blocking (fail-on "
                        + failOn.stream().map(Enum::name).collect(Collectors.joining(","))
                        + ")");
    }

    static List<Map<String, Object>> waivedModel(VulnPolicy.Result r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (VulnPolicy.Decision d : r.with(VulnPolicy.Verdict.WAIVED)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.finding().id());
            m.put("pkg", d.finding().pkg());
            m.put("severity", d.finding().severity().name());
            m.put("reason", d.waiver().reason());
            m.put(
                    "expires",
                    d.waiver().expires() == null ? "never" : d.waiver().expires().toString());
            m.put("source", d.waiver().file() + ":" + d.waiver().line());
            out.add(m);
        }
        return out;
    }
}
