package dev.pipewright.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.HttpException;

/**
 * GitHub's error bodies (shapes from the REST API's documented 403 and 422 answers) in one line.
 */
class GitHubFailureTest {
    @Test
    void forbiddenNamesThePermissions() {
        HttpException e =
                new HttpException(
                        "{\"message\":\"Resource not accessible by integration\","
                                + "\"documentation_url\":\"https://docs.github.com/rest/pulls/pulls#update-a-pull-request\",\"status\":\"403\"}",
                        403,
                        "Forbidden",
                        "https://api.github.com/repos/o/r/pulls/1");
        assertThat(GitHubFailure.describe(e, "pull-requests: write"))
                .isEqualTo(
                        "HTTP 403 Resource not accessible by integration (the token needs pull-requests: write)");
    }

    @Test
    void validationErrorsAreListedWithoutBlamingTheToken() {
        HttpException e =
                new HttpException(
                        "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Release\","
                                + "\"code\":\"already_exists\",\"field\":\"tag_name\"}],\"status\":\"422\"}",
                        422,
                        "Unprocessable Entity",
                        "https://api.github.com/repos/o/r/releases");
        assertThat(GitHubFailure.describe(e, "contents: write"))
                .isEqualTo("HTTP 422 Validation Failed: tag_name already_exists");
    }

    @Test
    void transportErrorsKeepTheirFirstLine() {
        assertThat(
                        GitHubFailure.describe(
                                new IOException("Connection refused\n\tmore"), "contents: write"))
                .isEqualTo("Connection refused");
    }
}
