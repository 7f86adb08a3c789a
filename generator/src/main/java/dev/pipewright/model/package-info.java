/**
 * The typed workflow model: records with builders, sealed types with raw escape hatches. Depends on
 * nothing beyond the JDK.
 */
package dev.pipewright.model;
