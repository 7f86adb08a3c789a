package dev.pipewright.model.validation;

import static dev.pipewright.model.PermissionLevel.NONE;
import static dev.pipewright.model.PermissionLevel.READ;
import static dev.pipewright.model.PermissionLevel.WRITE;
import static dev.pipewright.model.validation.Fixtures.W;
import static dev.pipewright.model.validation.Fixtures.assertAccepted;
import static dev.pipewright.model.validation.Fixtures.assertRejected;
import static dev.pipewright.model.validation.Fixtures.job;
import static dev.pipewright.model.validation.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.github.PermissionScopes;
import dev.pipewright.model.PermissionLevel;
import dev.pipewright.model.PermissionScope;
import dev.pipewright.model.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PermissionRulesTest {

    @Test
    void positiveEveryKnownScopeAtEveryAllowedLevel() {
        Permissions.Scoped all = Permissions.none();
        for (PermissionScope scope : PermissionScope.KNOWN) {
            all = all.with(scope, scope.levels().contains(READ) ? READ : WRITE);
        }
        assertAccepted(
                workflow(
                                job("build")
                                        .permissions(Permissions.of(PermissionScope.ID_TOKEN, NONE))
                                        .build())
                        .permissions(all));
    }

    @Test
    void positiveReadAllWriteAllAndEmpty() {
        assertAccepted(
                workflow(
                                job("a").permissions(Permissions.readAll()).build(),
                                job("b").permissions(Permissions.writeAll()).build())
                        .permissions(Permissions.none()));
    }

    @Test
    void positiveIdTokenWrite() {
        assertAccepted(
                workflow(
                        job("build")
                                .permissions(Permissions.of(PermissionScope.ID_TOKEN, WRITE))
                                .build()));
    }

    @Test
    void negativeIdTokenRead() {
        assertRejected(
                workflow(job("build").build())
                        .permissions(Permissions.of(PermissionScope.ID_TOKEN, READ)),
                W + " › permissions",
                "id-token: read is not a level GitHub accepts for id-token; use write or none");
    }

    @Test
    void negativeIdTokenReadOnJob() {
        assertRejected(
                workflow(
                        job("deploy")
                                .permissions(Permissions.of(PermissionScope.ID_TOKEN, READ))
                                .build()),
                W + " › job deploy › permissions",
                "id-token: read is not a level GitHub accepts for id-token; use write or none");
    }

    @Test
    void positiveModelsRead() {
        assertAccepted(
                workflow(
                        job("build")
                                .permissions(Permissions.of(PermissionScope.MODELS, READ))
                                .build()));
    }

    @Test
    void negativeModelsWrite() {
        assertRejected(
                workflow(
                        job("build")
                                .permissions(Permissions.of(PermissionScope.MODELS, WRITE))
                                .build()),
                W + " › job build › permissions",
                "models: write is not a level GitHub accepts for models; use read or none");
    }

    @ParameterizedTest
    @EnumSource(PermissionLevel.class)
    void positiveContentsAnyLevel(PermissionLevel level) {
        assertAccepted(
                workflow(job("build").build())
                        .permissions(Permissions.of(PermissionScope.CONTENTS, level)));
    }

    @Test
    void positiveCustomScopeAnyLevel() {
        assertAccepted(
                workflow(job("build").build())
                        .permissions(
                                Permissions.of(PermissionScope.custom("future-scope"), WRITE)));
    }

    // one table for the generator and the linter: the scopes and levels generated from GitHub's
    // schema
    @Test
    void positiveScopesAreThoseOfTheSchemaTable() {
        assertThat(PermissionScope.KNOWN.stream().map(PermissionScope::key).toList())
                .containsExactlyElementsOf(
                        PermissionScopes.SCOPES.keySet().stream().sorted().toList());
        for (PermissionScope scope : PermissionScope.KNOWN) {
            assertThat(scope.levels().stream().map(PermissionLevel::yaml).toList())
                    .as(scope.key())
                    .containsExactlyInAnyOrderElementsOf(PermissionScopes.SCOPES.get(scope.key()));
        }
        assertThat(PermissionScope.ID_TOKEN.levels()).containsExactlyInAnyOrder(WRITE, NONE);
    }
}
