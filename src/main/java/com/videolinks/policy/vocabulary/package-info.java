/**
 * The rule vocabulary: every fact the link policy reads and every conclusion it draws.
 * Operators see these names in {@code rules/*.drl}; {@code rules/README.md} documents them.
 */
@org.springframework.modulith.NamedInterface("vocabulary")
package com.videolinks.policy.vocabulary;
