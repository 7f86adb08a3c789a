/**
 * The typed model of {@code .github/dependabot.yml}: records with builders, open domains
 * (ecosystems, registry types) with custom escape hatches. Depends on nothing beyond the JDK.
 */
package dev.pipewright.model.dependabot;
