package dev.pipewright.action.promote;

import dev.pipewright.action.sign.SigstoreBundle;
import dev.pipewright.action.sign.Verification;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signature and SBOM gates: each image needs a Sigstore bundle that verifies against the key
 * with the image's digest as subject (the {@code verify} action's checks), and one of them must
 * carry an SBOM predicate.
 */
final class Attestations {
    /**
     * What was verified for one image: predicate types that verified, and why the others did not.
     */
    record ImageResult(ImageSpec image, List<String> verifiedTypes, List<String> problems) {
        boolean signed() {
            return !verifiedTypes.isEmpty();
        }

        boolean hasSbom(Set<String> sbomTypes) {
            return verifiedTypes.stream().anyMatch(sbomTypes::contains);
        }
    }

    private Attestations() {}

    /**
     * @param bundles parsed bundles by the file name shown to users
     */
    static ImageResult check(ImageSpec image, PublicKey key, Map<String, SigstoreBundle> bundles) {
        List<String> types = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String hex = image.digest().substring("sha256:".length());
        for (Map.Entry<String, SigstoreBundle> b : bundles.entrySet()) {
            Verification v =
                    Verification.bundleForDigest(
                            b.getValue(),
                            b.getKey(),
                            key,
                            image.reference(),
                            hex,
                            Optional.empty());
            if (v.verified()) {
                types.add(v.predicateType());
            } else {
                problems.add(v.reason());
            }
        }
        return new ImageResult(image, types, problems);
    }
}
