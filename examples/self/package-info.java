/** This repository's own pipeline, generated into {@code .github/workflows/}. */
package dev.pipewright.examples.self;
