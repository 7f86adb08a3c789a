package dev.pipewright.action.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The release-notes fixture of shared/reference: commits.json recreated as a repository (tests skip
 * without it).
 */
final class SharedFixture {
    static final String DIR = "reference/release-notes/";
    static final String FIRST_COMMIT = "eb094488f48c365441abd31301259a6481aa7cd5";

    private SharedFixture() {}

    static Path file(String name) {
        return SharedData.require(DIR + name);
    }

    static JsonNode json(String name) throws IOException {
        return new ObjectMapper().readTree(file(name).toFile());
    }

    static List<String> messages() throws IOException {
        List<String> out = new ArrayList<>();
        json("commits.json").forEach(n -> out.add(n.get("message").asText()));
        return out;
    }

    /**
     * The repository with {@code v1.2.0} on commit 0 and, when {@code released}, {@code v2.0.0} on
     * the last.
     */
    static TestRepo create(Path dir, boolean released) throws IOException, GitAPIException {
        JsonNode commits = json("commits.json");
        TestRepo repo = TestRepo.init(dir);
        for (int i = 0; i < commits.size(); i++) {
            repo.commit(commits.get(i).get("message").asText());
            if (commits.get(i).has("tag")) {
                repo.tag(commits.get(i).get("tag").asText(), i);
            }
        }
        if (released) {
            repo.tag("v2.0.0", commits.size() - 1);
        }
        return repo;
    }
}
