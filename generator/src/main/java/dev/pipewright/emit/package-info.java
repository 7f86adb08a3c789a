/**
 * The one place that owns Pipewright's YAML dialect: a tiny node tree and a writer that emits
 * block-style YAML which reads back identically under YAML 1.1 and YAML 1.2 readers. Depends on
 * nothing beyond the JDK.
 */
package dev.pipewright.emit;
