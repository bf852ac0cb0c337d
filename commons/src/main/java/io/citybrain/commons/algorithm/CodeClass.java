package io.citybrain.commons.algorithm;

/**
 * One class file of an algorithm's code.
 *
 * @param className the binary class name, e.g. {@code io.citybrain.traffic.control.Sotl$1}
 * @param sha256 SHA-256 (hex) of the class file's bytes as loaded
 */
public record CodeClass(String className, String sha256) {}
