/**
 * GitHub Actions expressions ({@code ${{ ... }}}): a typed DSL that renders valid expression text
 * and a scanner that finds context references in hand-written or generated strings. Depends on
 * nothing beyond the JDK.
 */
package dev.pipewright.model.expr;
